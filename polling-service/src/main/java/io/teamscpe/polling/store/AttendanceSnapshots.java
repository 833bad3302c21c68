package io.teamscpe.polling.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.contracts.attendance.ParticipantAttended;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * A session's attendance as polling keeps it for matching: participants staged per snapshot until the snapshot
 * completes, then the complete snapshot replaces the session's current attendance whole.
 */
@ApplicationScoped
public class AttendanceSnapshots {
    private final EntityManager em;
    private final ObjectMapper json;

    public AttendanceSnapshots(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void stage(ParticipantAttended event) {
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

    /** How many participants of the snapshot are staged. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long staged(String snapshotId) {
        return ((Number) em.createNativeQuery("select count(*) from attendance_staging where snapshot_id = ?1")
                .setParameter(1, snapshotId).getSingleResult()).longValue();
    }

    /** Makes the staged snapshot the session's current attendance. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void makeCurrent(String sessionId, String snapshotId) {
        em.createNativeQuery("delete from attendance_current where session_id = ?1")
                .setParameter(1, sessionId).executeUpdate();
        em.createNativeQuery("""
                        insert into attendance_current (session_id, participant_key, snapshot_id, email, display_name,
                            anonymous, intervals)
                        select session_id, participant_key, snapshot_id, email, display_name, anonymous, intervals
                        from attendance_staging where snapshot_id = ?1""")
                .setParameter(1, snapshotId).executeUpdate();
        em.createNativeQuery("delete from attendance_staging where snapshot_id = ?1")
                .setParameter(1, snapshotId).executeUpdate();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
