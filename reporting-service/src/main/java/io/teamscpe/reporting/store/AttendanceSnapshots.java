package io.teamscpe.reporting.store;

import io.teamscpe.contracts.attendance.AttendanceSnapshotCompleted;
import io.teamscpe.contracts.attendance.ParticipantAttended;
import io.teamscpe.platform.jdbc.StagedRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * A session's attendance as reporting keeps it: participants staged per snapshot (see {@link #staging()})
 * until the snapshot completes; a complete snapshot then replaces the session's current attendance whole, and the
 * session's freshness says which snapshot the reports show. Runs in the caller's transaction.
 */
@ApplicationScoped
public class AttendanceSnapshots {
    private final EntityManager em;
    private final Json json;

    public AttendanceSnapshots(EntityManager em, Json json) {
        this.em = em;
        this.json = json;
    }

    /**
     * Where participant events go until their snapshot completes, inserted as one batch per transaction: flush it
     * before applying the completion.
     */
    public StagedRows<ParticipantAttended> staging() {
        return new StagedRows<>(em, """
                insert into attendance_staging (snapshot_id, participant_key, session_id, participant, intervals)
                values (?, ?, ?, cast(? as jsonb), cast(? as jsonb))
                on conflict (snapshot_id, participant_key) do nothing""", (insert, e) -> {
            insert.setString(1, e.snapshotId());
            insert.setString(2, e.participant().participantKey());
            insert.setString(3, e.sessionId());
            insert.setString(4, json.write(e.participant()));
            insert.setString(5, json.write(e.intervals()));
        });
    }

    /** How many participants of the snapshot are staged. */
    public long staged(String snapshotId) {
        return ((Number) em.createNativeQuery("select count(*) from attendance_staging where snapshot_id = ?1")
                .setParameter(1, snapshotId).getSingleResult()).longValue();
    }

    /** Makes the staged snapshot the session's current attendance, and records when it was applied. */
    public void makeCurrent(AttendanceSnapshotCompleted event) {
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
    }
}
