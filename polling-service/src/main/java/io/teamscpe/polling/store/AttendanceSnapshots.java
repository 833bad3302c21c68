package io.teamscpe.polling.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.contracts.attendance.ParticipantAttended;
import io.teamscpe.platform.jdbc.StagedRows;
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

    /**
     * Where participant events go until their snapshot completes, inserted as one batch per transaction: flush it
     * before applying the completion.
     */
    public StagedRows<ParticipantAttended> staging() {
        return new StagedRows<>(em, """
                insert into attendance_staging (snapshot_id, participant_key, session_id, email, display_name,
                    anonymous, intervals)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (snapshot_id, participant_key) do nothing""", (insert, event) -> {
            var p = event.participant();
            insert.setString(1, event.snapshotId());
            insert.setString(2, p.participantKey());
            insert.setString(3, event.sessionId());
            insert.setString(4, p.email());
            insert.setString(5, p.displayName());
            insert.setBoolean(6, p.anonymous());
            insert.setString(7, write(event.intervals()));
        });
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
