package io.teamscpe.platform.readmodel;

import io.teamscpe.contracts.attendance.AttendanceSnapshotCompleted;
import io.teamscpe.platform.jdbc.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Attendance snapshots a consumer received incomplete (fewer participant events than the snapshot announced: a
 * record lost or dead-lettered). Recorded instead of silently keeping the previous state; the report shows it,
 * {@link AttendanceGapHealer} asks for the snapshot again, and a complete snapshot of the session closes the gap.
 */
@ApplicationScoped
public class AttendanceGaps {
    private static final Logger LOG = Logger.getLogger(AttendanceGaps.class);

    /** An open gap: which snapshot, how much of it arrived, and the last request for it. */
    public record Gap(String sessionId, String firmId, String snapshotId, int received, int expected,
                      Instant detectedAt, int attempts, String lastOutcome) {
        /** One sentence for a report's note. */
        public String describe() {
            return "Attendance snapshot " + snapshotId + " arrived incomplete (" + received + " of " + expected
                    + " participants) at " + detectedAt + "; the report shows the attendance before it. It has been "
                    + "requested again" + (attempts == 0 ? " (first request pending)" : " (" + attempts
                    + " request(s); " + lastOutcome + ")") + ". If this stays, use Refresh data with republish.";
        }
    }

    private final EntityManager em;

    public AttendanceGaps(EntityManager em) {
        this.em = em;
    }

    /**
     * Whether the completed snapshot arrived whole ({@code received} participants staged): if not, the gap is recorded
     * and the snapshot asked for again; if so, any gap of the session is closed and the snapshot may replace the
     * current attendance.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean arrivedWhole(AttendanceSnapshotCompleted event, long received) {
        if (received != event.participantCount()) {
            found(event, received);
            return false;
        }
        closed(event.sessionId());
        return true;
    }

    /** Records that {@code event}'s snapshot arrived with only {@code received} participants; due at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void found(AttendanceSnapshotCompleted event, long received) {
        LOG.errorf("attendance snapshot %s of session %s has %d of %d participants: asking for it again",
                event.snapshotId(), event.sessionId(), received, event.participantCount());
        em.createNativeQuery("""
                        insert into attendance_gap (session_id, firm_id, snapshot_id, received, expected, detected_at,
                            next_request_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?6)
                        on conflict (session_id) do update set snapshot_id = excluded.snapshot_id,
                            received = excluded.received, expected = excluded.expected,
                            detected_at = excluded.detected_at,
                            attempts = case when attendance_gap.snapshot_id = excluded.snapshot_id
                                then attendance_gap.attempts else 0 end,
                            next_request_at = case when attendance_gap.snapshot_id = excluded.snapshot_id
                                then attendance_gap.next_request_at else excluded.next_request_at end""")
                .setParameter(1, event.sessionId()).setParameter(2, event.firmId())
                .setParameter(3, event.snapshotId()).setParameter(4, (int) received)
                .setParameter(5, event.participantCount()).setParameter(6, Instant.now()).executeUpdate();
    }

    /** A complete snapshot of the session was applied: whatever gap it had is healed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closed(String sessionId) {
        int healed = em.createNativeQuery("delete from attendance_gap where session_id = ?1")
                .setParameter(1, sessionId).executeUpdate();
        if (healed > 0) {
            LOG.infof("attendance of session %s is complete again", sessionId);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Gap> of(String sessionId) {
        List<?> rows = em.createNativeQuery("""
                        select session_id, firm_id, snapshot_id, received, expected, detected_at, attempts,
                            last_outcome from attendance_gap where session_id = ?1""")
                .setParameter(1, sessionId).getResultList();
        return rows.stream().map(r -> gap((Object[]) r)).findFirst();
    }

    /**
     * Claims up to {@code limit} gaps whose request is due, pushing their next request {@code retryAfter} ahead so
     * another replica does not ask at the same time (rows locked by another claim are skipped).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Gap> claimDue(int limit, java.time.Duration retryAfter) {
        Instant now = Instant.now();
        List<?> rows = em.createNativeQuery("""
                        update attendance_gap set next_request_at = ?1, attempts = attempts + 1
                        where session_id in (select session_id from attendance_gap where next_request_at <= ?2
                            order by next_request_at limit ?3 for update skip locked)
                        returning session_id, firm_id, snapshot_id, received, expected, detected_at, attempts,
                            last_outcome""")
                .setParameter(1, now.plus(retryAfter)).setParameter(2, now).setParameter(3, limit)
                .getResultList();
        return rows.stream().map(r -> gap((Object[]) r)).toList();
    }

    /** What the last request for the session's snapshot gave; {@code nextRequest} when to ask again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requested(String sessionId, String outcome, Instant nextRequest) {
        em.createNativeQuery("update attendance_gap set last_outcome = ?1, next_request_at = ?2 where session_id = ?3")
                .setParameter(1, outcome).setParameter(2, nextRequest).setParameter(3, sessionId).executeUpdate();
    }

    private static Gap gap(Object[] r) {
        return new Gap((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                ((Number) r[4]).intValue(), SqlTimes.instant(r[5]), ((Number) r[6]).intValue(), (String) r[7]);
    }
}
