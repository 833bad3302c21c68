package io.teamscpe.attendance.store;

import io.teamscpe.attendance.normalize.AttendanceRow;
import io.teamscpe.attendance.normalize.ParticipantBuilder;
import io.teamscpe.attendance.normalize.ParticipantBuilder.Normalized;
import io.teamscpe.platform.jdbc.CopyIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.hibernate.Session;

/**
 * A fetch in progress, staged in PostgreSQL page by page so memory holds one page whatever the meeting's size.
 * {@link #scan} reads it back one participant at a time, merging a person's rows of several reports. Runs in the
 * caller's transaction.
 */
@ApplicationScoped
public class Staging {
    private static final int FETCH_SIZE = 500;

    private final EntityManager em;
    private final IntervalsJson intervals;

    public Staging(EntityManager em, IntervalsJson intervals) {
        this.em = em;
        this.intervals = intervals;
    }

    /** Starts a new staged fetch for the session, dropping what an interrupted one left behind. */
    public String begin(String sessionId) {
        discardSession(sessionId);
        return UUID.randomUUID().toString();
    }

    /** Stages one raw Graph page ({@code rawPage} may be null for an upload) and its rows. */
    public void page(String fetchId, String sessionId, int seq, String reportId, String rawPage,
                     List<AttendanceRow> rows) {
        if (rawPage != null) {
            em.createNativeQuery("insert into staged_page (fetch_id, session_id, seq, report_id, body) "
                            + "values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, fetchId).setParameter(2, sessionId).setParameter(3, seq)
                    .setParameter(4, reportId).setParameter(5, rawPage).executeUpdate();
        }
        CopyIn records = new CopyIn("staged_record",
                "fetch_id, session_id, participant_key, object_id, email, display_name, role, intervals");
        for (AttendanceRow row : rows) {
            records.row(fetchId, sessionId, row.participantKey(), row.objectId(), row.email(), row.displayName(),
                    row.role(), intervals.write(row.intervals()));
        }
        em.unwrap(Session.class).doWork(records::send);
    }

    /** Calls {@code each} once per participant, in participant-key order; returns how many there were. */
    public int scan(String fetchId, Consumer<Normalized> each) {
        int[] count = {0};
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    select participant_key, object_id, email, display_name, role, intervals from staged_record
                    where fetch_id = ? order by participant_key collate "C", seq""")) {
                select.setFetchSize(FETCH_SIZE);
                select.setString(1, fetchId);
                try (ResultSet rs = select.executeQuery()) {
                    ParticipantBuilder current = null;
                    while (rs.next()) {
                        String key = rs.getString(1);
                        if (current != null && !current.key().equals(key)) {
                            each.accept(current.build());
                            count[0]++;
                            current = null;
                        }
                        current = current != null ? current : new ParticipantBuilder(key);
                        current.add(new AttendanceRow(rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), intervals.read(rs.getString(6))));
                    }
                    if (current != null) {
                        each.accept(current.build());
                        count[0]++;
                    }
                }
            }
        });
        return count[0];
    }

    /** How many participants the staged rows make (rows of one person in several reports are one). */
    public int participants(String fetchId) {
        return ((Number) em.createNativeQuery("select count(distinct participant_key) from staged_record "
                + "where fetch_id = ?1").setParameter(1, fetchId).getSingleResult()).intValue();
    }

    /** Moves the staged raw pages under the snapshot, where they stay immutable. */
    public void keepPages(String fetchId, String snapshotId) {
        em.createNativeQuery("insert into attendance_snapshot_page (snapshot_id, seq, report_id, body) "
                        + "select ?1, seq, report_id, body from staged_page where fetch_id = ?2")
                .setParameter(1, snapshotId).setParameter(2, fetchId).executeUpdate();
    }

    public void discard(String fetchId) {
        em.createNativeQuery("delete from staged_record where fetch_id = ?1").setParameter(1, fetchId)
                .executeUpdate();
        em.createNativeQuery("delete from staged_page where fetch_id = ?1").setParameter(1, fetchId)
                .executeUpdate();
    }

    private void discardSession(String sessionId) {
        em.createNativeQuery("delete from staged_record where session_id = ?1").setParameter(1, sessionId)
                .executeUpdate();
        em.createNativeQuery("delete from staged_page where session_id = ?1").setParameter(1, sessionId)
                .executeUpdate();
    }
}
