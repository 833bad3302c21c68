package io.teamscpe.attendance.store;

import io.teamscpe.attendance.normalize.ParticipantBuilder.Normalized;
import io.teamscpe.contracts.attendance.Participant;
import io.teamscpe.platform.jdbc.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.hibernate.Session;

/** Reads a stored snapshot back: its row and its normalized participants, as sending it again needs them. */
@ApplicationScoped
public class SnapshotReads {

    /** A snapshot's row. */
    public record StoredSnapshot(String firmId, int participantCount, Instant fetchedAt, String source,
                                 List<String> reportIds, Instant republishedAt) {
    }

    private final EntityManager em;
    private final IntervalsJson intervals;

    public SnapshotReads(EntityManager em, IntervalsJson intervals) {
        this.em = em;
        this.intervals = intervals;
    }

    public StoredSnapshot snapshot(String snapshotId) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select firm_id, participant_count, fetched_at, source, report_ids, republished_at
                        from attendance_snapshot where id = ?1""")
                .setParameter(1, snapshotId).getSingleResult();
        return new StoredSnapshot((String) row[0], ((Number) row[1]).intValue(), SqlTimes.instant(row[2]),
                (String) row[3], strings(row[4]), SqlTimes.instant(row[5]));
    }

    /** The snapshot's participants with their intervals, in participant-key order. */
    public List<Normalized> participants(String sessionId, String snapshotId) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement query = c.prepareStatement("""
                    select participant_key, object_id, email, display_name, role, guest, anonymous, flags,
                        intervals::text
                    from attendance_participant where session_id = ? and snapshot_id = ? order by participant_key""")) {
                query.setString(1, sessionId);
                query.setString(2, snapshotId);
                List<Normalized> out = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        Participant p = new Participant(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7),
                                strings(rs.getArray(8)));
                        out.add(new Normalized(p, intervals.read(rs.getString(9))));
                    }
                }
                return out;
            }
        });
    }

    /** A {@code text[]} column as a native query returns it (an array or a collection); null is empty. */
    static List<String> strings(Object column) {
        if (column instanceof Object[] values) {
            return Arrays.stream(values).map(String::valueOf).toList();
        }
        return column instanceof Collection<?> values ? values.stream().map(String::valueOf).toList() : List.of();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
