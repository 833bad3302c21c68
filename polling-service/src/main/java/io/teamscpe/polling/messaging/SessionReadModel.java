package io.teamscpe.polling.messaging;

import io.teamscpe.contracts.attendance.AttendanceSnapshotCompleted;
import io.teamscpe.contracts.attendance.ParticipantAttended;
import io.teamscpe.contracts.session.SessionCancelled;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.platform.readmodel.AttendanceGaps;
import io.teamscpe.platform.readmodel.KnownSessions;
import io.teamscpe.polling.RematchReason;
import io.teamscpe.polling.store.AttendanceSnapshots;
import io.teamscpe.platform.jdbc.StagedRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Sessions (window, time zone; platform's read model) and their current attendance, for reconciliation and the
 * time-zone check. Only a complete attendance snapshot replaces the current one; then the session's polls are
 * matched again. An incomplete one is recorded as a gap and requested again (AttendanceGaps).
 */
@ApplicationScoped
public class SessionReadModel {
    private final KnownSessions sessions;
    private final AttendanceSnapshots attendance;
    private final AttendanceGaps gaps;
    private final PollRematch rematch;

    public SessionReadModel(KnownSessions sessions, AttendanceSnapshots attendance, AttendanceGaps gaps,
                            PollRematch rematch) {
        this.sessions = sessions;
        this.attendance = attendance;
        this.gaps = gaps;
        this.rematch = rematch;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(SessionScheduled event) {
        sessions.on(event);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(SessionCancelled event) {
        sessions.on(event);
    }

    /** Where participant events go until their snapshot completes: flush it before applying the completion. */
    public StagedRows<ParticipantAttended> stagedParticipants() {
        return attendance.staging();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(AttendanceSnapshotCompleted event) {
        if (!gaps.arrivedWhole(event, attendance.staged(event.snapshotId()))) {
            return;
        }
        attendance.makeCurrent(event.sessionId(), event.snapshotId());
        rematch.session(event.firmId(), event.sessionId(), RematchReason.ATTENDANCE_CHANGED);
    }
}
