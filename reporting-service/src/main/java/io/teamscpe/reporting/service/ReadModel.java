package io.teamscpe.reporting.service;

import io.teamscpe.contracts.attendance.AttendanceSnapshotCompleted;
import io.teamscpe.contracts.session.SessionCancelled;
import io.teamscpe.contracts.session.SessionDetails;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.reporting.ReportSession;
import io.teamscpe.reporting.store.Json;
import io.teamscpe.reporting.store.StagedParticipants;
import io.teamscpe.platform.readmodel.AttendanceGaps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Applies events to reporting's read models. Attendance arrives as a snapshot (participants, then completed);
 * only a complete snapshot replaces the session's current attendance, so reports never show half a fetch; an
 * incomplete one is recorded as a gap (the report says so) and requested again (AttendanceGaps).
 */
@ApplicationScoped
public class ReadModel {
    private final EntityManager em;
    private final AttendanceGaps gaps;
    private final Json json;
    private final ReportInputs inputs;

    public ReadModel(EntityManager em, Json json, ReportInputs inputs, AttendanceGaps gaps) {
        this.em = em;
        this.gaps = gaps;
        this.json = json;
        this.inputs = inputs;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(SessionScheduled event) {
        ReportSession s = ReportSession.findById(event.sessionId());
        if (s != null && s.revision >= event.revision()) {
            return;
        }
        if (s == null) {
            s = new ReportSession();
            s.sessionId = event.sessionId();
            s.firmId = event.firmId();
        }
        SessionDetails d = event.details();
        s.title = d.title();
        s.scheduledStart = d.scheduledStart();
        s.scheduledEnd = d.scheduledEnd();
        s.timeZone = d.timeZone();
        s.maxCredits = d.maxCredits();
        s.rulesetId = d.rulesetId();
        s.rulesetVersion = d.rulesetVersion();
        s.fieldsOfStudy = d.fieldsOfStudy() == null ? List.of() : List.copyOf(d.fieldsOfStudy());
        s.deliveryMethod = d.deliveryMethod();
        s.revision = event.revision();
        s.persist();
        inputs.changed(s.sessionId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(SessionCancelled event) {
        ReportSession s = ReportSession.findById(event.sessionId());
        if (s != null) {
            s.cancelled = true;
            inputs.changed(s.sessionId);
        }
    }

    /** Where participant events go until their snapshot completes: flush it before applying the completion. */
    public StagedParticipants stagedParticipants() {
        return new StagedParticipants(em, json);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(AttendanceSnapshotCompleted event) {
        long staged = ((Number) em.createNativeQuery("select count(*) from attendance_staging where snapshot_id = ?1")
                .setParameter(1, event.snapshotId()).getSingleResult()).longValue();
        if (staged != event.participantCount()) {
            gaps.found(event, staged);
            inputs.changed(event.sessionId());
            return;
        }
        gaps.closed(event.sessionId());
        em.createNativeQuery("delete from attendance_current where session_id = ?1")
                .setParameter(1, event.sessionId()).executeUpdate();
        em.createNativeQuery("""
                        insert into attendance_current (session_id, participant_key, snapshot_id, participant, intervals)
                        select session_id, participant_key, snapshot_id, participant, intervals
                        from attendance_staging where snapshot_id = ?1""")
                .setParameter(1, event.snapshotId()).executeUpdate();
        em.createNativeQuery("delete from attendance_staging where snapshot_id = ?1")
                .setParameter(1, event.snapshotId()).executeUpdate();
        em.createNativeQuery("""
                        insert into attendance_freshness (session_id, snapshot_id, source, fetched_at, applied_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (session_id) do update set snapshot_id = excluded.snapshot_id,
                            source = excluded.source, fetched_at = excluded.fetched_at, applied_at = excluded.applied_at""")
                .setParameter(1, event.sessionId()).setParameter(2, event.snapshotId())
                .setParameter(3, event.source()).setParameter(4, event.fetchedAt()).setParameter(5, Instant.now())
                .executeUpdate();
        inputs.changed(event.sessionId());
    }
}
