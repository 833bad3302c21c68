package io.teamscpe.polling.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.contracts.attendance.AttendanceSnapshotCompleted;
import io.teamscpe.contracts.attendance.ParticipantAttended;
import io.teamscpe.contracts.session.SessionCancelled;
import io.teamscpe.contracts.session.SessionDetails;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.polling.PollSession;
import io.teamscpe.platform.readmodel.AttendanceGaps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Sessions (window, time zone) and their current attendance, for reconciliation and the time-zone check. Only a
 * complete attendance snapshot replaces the current one; then the session's polls are matched again. An incomplete
 * one is recorded as a gap and requested again (AttendanceGaps).
 */
@ApplicationScoped
public class SessionReadModel {
    private final EntityManager em;
    private final AttendanceGaps gaps;
    private final ObjectMapper json;
    private final PollMaintenance maintenance;

    public SessionReadModel(EntityManager em, ObjectMapper json, PollMaintenance maintenance, AttendanceGaps gaps) {
        this.em = em;
        this.gaps = gaps;
        this.json = json;
        this.maintenance = maintenance;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(SessionScheduled event) {
        PollSession s = PollSession.findById(event.sessionId());
        if (s != null && s.revision >= event.revision()) {
            return;
        }
        if (s == null) {
            s = new PollSession();
            s.sessionId = event.sessionId();
            s.firmId = event.firmId();
        }
        SessionDetails d = event.details();
        s.title = d.title();
        s.scheduledStart = d.scheduledStart();
        s.scheduledEnd = d.scheduledEnd();
        s.timeZone = d.timeZone();
        s.revision = event.revision();
        s.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(SessionCancelled event) {
        PollSession s = PollSession.findById(event.sessionId());
        if (s != null) {
            s.cancelled = true;
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(ParticipantAttended event) {
        var p = event.participant();
        em.createNativeQuery("""
                        insert into attendance_staging (snapshot_id, participant_key, session_id, email, display_name,
                            anonymous, intervals)
                        values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb))
                        on conflict (snapshot_id, participant_key) do nothing""")
                .setParameter(1, event.snapshotId()).setParameter(2, p.participantKey())
                .setParameter(3, event.sessionId()).setParameter(4, p.email()).setParameter(5, p.displayName())
                .setParameter(6, p.anonymous()).setParameter(7, write(event.intervals()))
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(AttendanceSnapshotCompleted event) {
        long staged = ((Number) em.createNativeQuery("select count(*) from attendance_staging where snapshot_id = ?1")
                .setParameter(1, event.snapshotId()).getSingleResult()).longValue();
        if (staged != event.participantCount()) {
            gaps.found(event, staged);
            return;
        }
        gaps.closed(event.sessionId());
        em.createNativeQuery("delete from attendance_current where session_id = ?1")
                .setParameter(1, event.sessionId()).executeUpdate();
        em.createNativeQuery("""
                        insert into attendance_current (session_id, participant_key, snapshot_id, email, display_name,
                            anonymous, intervals)
                        select session_id, participant_key, snapshot_id, email, display_name, anonymous, intervals
                        from attendance_staging where snapshot_id = ?1""")
                .setParameter(1, event.snapshotId()).executeUpdate();
        em.createNativeQuery("delete from attendance_staging where snapshot_id = ?1")
                .setParameter(1, event.snapshotId()).executeUpdate();
        maintenance.rematchSession(event.firmId(), event.sessionId(), "ATTENDANCE_CHANGED");
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
