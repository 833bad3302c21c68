package io.teamscpe.reporting.messaging;

import io.teamscpe.contracts.attendance.AttendanceSnapshotCompleted;
import io.teamscpe.contracts.attendance.ParticipantAttended;
import io.teamscpe.contracts.session.EnrollmentSnapshotCompleted;
import io.teamscpe.contracts.session.SessionCancelled;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.platform.readmodel.AttendanceGaps;
import io.teamscpe.platform.readmodel.KnownSessions;
import io.teamscpe.platform.readmodel.Rosters;
import io.teamscpe.reporting.store.AttendanceSnapshots;
import io.teamscpe.reporting.store.CreditTypes;
import io.teamscpe.reporting.store.ReportInputs;
import io.teamscpe.platform.jdbc.StagedRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Applies session and attendance events to reporting's read models (sessions in platform's). Attendance arrives as
 * a snapshot (participants, then completed); only a complete snapshot replaces the session's current attendance,
 * so reports never show half a fetch; an incomplete one is recorded as a gap (the report says so) and requested
 * again (AttendanceGaps). A session's record brings its credit types, a roster what each enrollee seeks. Every
 * change moves the session's report inputs version; a new session record, roster or attendance snapshot also gets
 * the firm's remembered attendance mappings ({@link MappingMemory}).
 */
@ApplicationScoped
public class ReadModel {
    private final KnownSessions sessions;
    private final AttendanceSnapshots attendance;
    private final AttendanceGaps gaps;
    private final ReportInputs inputs;
    private final MappingMemory memory;
    private final CreditTypes creditTypes;
    private final Rosters rosters;

    public ReadModel(KnownSessions sessions, AttendanceSnapshots attendance, AttendanceGaps gaps,
                     ReportInputs inputs, MappingMemory memory, CreditTypes creditTypes, Rosters rosters) {
        this.sessions = sessions;
        this.rosters = rosters;
        this.creditTypes = creditTypes;
        this.attendance = attendance;
        this.gaps = gaps;
        this.inputs = inputs;
        this.memory = memory;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(SessionScheduled event) {
        if (sessions.on(event)) {
            // the credit types of the revision just applied (one, CPE, for an event without them)
            creditTypes.replace(event.sessionId(), event.details().effectiveCreditTypes());
            inputs.changed(event.sessionId());
            memory.apply(event.firmId(), event.sessionId());
        }
    }

    /**
     * Applies a completed roster snapshot to platform's roster, with the credit types each enrollee seeks (read from
     * the snapshot's staged chunks first: applying it drops them); false when it is not newer than the roster held.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean on(EnrollmentSnapshotCompleted event) {
        String seeking = creditTypes.stagedSeeking(event.snapshotId());
        if (!rosters.on(event)) {
            return false;
        }
        creditTypes.applySeeking(event.sessionId(), seeking);
        inputs.changed(event.sessionId());
        memory.apply(event.firmId(), event.sessionId());
        return true;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(SessionCancelled event) {
        if (sessions.on(event)) {
            inputs.changed(event.sessionId());
        }
    }

    /** Where participant events go until their snapshot completes: flush it before applying the completion. */
    public StagedRows<ParticipantAttended> stagedParticipants() {
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
