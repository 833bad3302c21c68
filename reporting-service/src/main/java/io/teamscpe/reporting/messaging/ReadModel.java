package io.teamscpe.reporting.messaging;

import io.teamscpe.contracts.attendance.AttendanceSnapshotCompleted;
import io.teamscpe.contracts.session.SessionCancelled;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.platform.readmodel.AttendanceGaps;
import io.teamscpe.platform.readmodel.KnownSessions;
import io.teamscpe.reporting.store.AttendanceSnapshots;
import io.teamscpe.reporting.store.ReportInputs;
import io.teamscpe.reporting.store.StagedParticipants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Applies session and attendance events to reporting's read models (sessions in platform's). Attendance arrives as
 * a snapshot (participants, then completed); only a complete snapshot replaces the session's current attendance,
 * so reports never show half a fetch; an incomplete one is recorded as a gap (the report says so) and requested
 * again (AttendanceGaps). Every change moves the session's report inputs version; a new session record or attendance
 * snapshot also gets the firm's remembered attendance mappings ({@link MappingMemory}).
 */
@ApplicationScoped
public class ReadModel {
    private final KnownSessions sessions;
    private final AttendanceSnapshots attendance;
    private final AttendanceGaps gaps;
    private final ReportInputs inputs;
    private final MappingMemory memory;

    public ReadModel(KnownSessions sessions, AttendanceSnapshots attendance, AttendanceGaps gaps,
                     ReportInputs inputs, MappingMemory memory) {
        this.sessions = sessions;
        this.attendance = attendance;
        this.gaps = gaps;
        this.inputs = inputs;
        this.memory = memory;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(SessionScheduled event) {
        if (sessions.on(event)) {
            inputs.changed(event.sessionId());
            memory.apply(event.firmId(), event.sessionId());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(SessionCancelled event) {
        if (sessions.on(event)) {
            inputs.changed(event.sessionId());
        }
    }

    /** Where participant events go until their snapshot completes: flush it before applying the completion. */
    public StagedParticipants stagedParticipants() {
        return attendance.staging();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(AttendanceSnapshotCompleted event) {
        if (gaps.arrivedWhole(event, attendance.staged(event.snapshotId()))) {
            attendance.makeCurrent(event);
            memory.apply(event.firmId(), event.sessionId());
        }
        inputs.changed(event.sessionId());
    }
}
