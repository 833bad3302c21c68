package io.teamscpe.attendance.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.contracts.attendance.AttendanceSnapshotCompleted;
import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.contracts.attendance.Participant;
import io.teamscpe.contracts.attendance.ParticipantAttended;
import io.teamscpe.platform.jdbc.SqlTimes;
import io.teamscpe.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Sends a session's current snapshot again, whole and under its own snapshot id: every participant event, then the
 * snapshot-completed event. Consumers stage by (snapshot, participant), so a copy fills what they missed and
 * re-applies what they had: the repair for a consumer that found a snapshot incomplete. Requests for the same
 * snapshot within {@link #QUIET} get one republication (every consumer group reads the same topic).
 */
@ApplicationScoped
public class SnapshotRepublisher {
    private static final Logger LOG = Logger.getLogger(SnapshotRepublisher.class);
    static final Duration QUIET = Duration.ofMinutes(1);
    private static final int CHUNK = 500;
    private static final TypeReference<List<Interval>> INTERVALS = new TypeReference<>() {
    };

    /** What a request did: the session's current snapshot, and whether its events were sent again now. */
    public record Republished(String snapshotId, int participants, boolean sent, Instant at) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final ObjectMapper json;

    public SnapshotRepublisher(EntityManager em, Outbox outbox, ObjectMapper json) {
        this.em = em;
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * Republishes the session's current snapshot unless that was done less than a minute ago; null when the session
     * has no snapshot. Call with the session's ingestion job locked, so no new snapshot is committed meanwhile.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Republished republish(String sessionId, String snapshotId, boolean evenIfRecent) {
        if (snapshotId == null) {
            return null;
        }
        Object[] snapshot = (Object[]) em.createNativeQuery("""
                        select firm_id, participant_count, fetched_at, source, report_ids, republished_at
                        from attendance_snapshot where id = ?1""")
                .setParameter(1, snapshotId).getSingleResult();
        Instant now = Instant.now();
        Instant last = SqlTimes.instant(snapshot[5]);
        int count = ((Number) snapshot[1]).intValue();
        if (!evenIfRecent && last != null && last.isAfter(now.minus(QUIET))) {
            return new Republished(snapshotId, count, false, last);
        }
        String firmId = (String) snapshot[0];
        List<ParticipantAttended> events = participants(sessionId, firmId, snapshotId, count, now);
        for (int from = 0; from < events.size(); from += CHUNK) {
            outbox.publishAll(events.subList(from, Math.min(events.size(), from + CHUNK)));
        }
        outbox.publish(new AttendanceSnapshotCompleted(sessionId, firmId, snapshotId, count,
                reportIds(snapshot[4]), (String) snapshot[3], SqlTimes.instant(snapshot[2]), now));
        em.createNativeQuery("update attendance_snapshot set republished_at = ?1 where id = ?2")
                .setParameter(1, now).setParameter(2, snapshotId).executeUpdate();
        LOG.infof("session %s: attendance snapshot %s (%d participants) republished", sessionId, snapshotId, count);
        return new Republished(snapshotId, count, true, now);
    }

    private List<ParticipantAttended> participants(String sessionId, String firmId, String snapshotId, int count,
                                                   Instant now) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement query = c.prepareStatement("""
                    select participant_key, object_id, email, display_name, role, guest, anonymous, flags,
                        intervals::text
                    from attendance_participant where session_id = ? and snapshot_id = ? order by participant_key""")) {
                query.setString(1, sessionId);
                query.setString(2, snapshotId);
                List<ParticipantAttended> out = new ArrayList<>(count);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        Participant p = new Participant(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7),
                                strings(rs.getArray(8)));
                        out.add(new ParticipantAttended(sessionId, firmId, snapshotId, out.size() + 1, count, p,
                                intervals(rs.getString(9)), now));
                    }
                }
                return out;
            }
        });
    }

    private static List<String> reportIds(Object column) {
        if (column instanceof Object[] values) {
            return Arrays.stream(values).map(String::valueOf).toList();
        }
        return column instanceof java.util.Collection<?> values ? values.stream().map(String::valueOf).toList()
                : List.of();
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private List<Interval> intervals(String text) {
        try {
            return json.readValue(text, INTERVALS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored intervals are not JSON", e);
        }
    }
}
