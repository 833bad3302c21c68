package io.teamscpe.attendance.store;

import io.teamscpe.platform.jdbc.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/** Reads every snapshot a session ever had, with its raw pages and uploaded file, for the audit bundle. */
@ApplicationScoped
public class SnapshotArchive {
    /** A snapshot as kept; {@code rawPages}: its raw pages as one document where kept so, else null. */
    public record ArchivedSnapshot(String id, String source, Instant fetchedAt, String contentHash,
                                   int participantCount, List<String> reportIds, String rawPages) {
    }

    /** One raw page of a snapshot, as the platform sent it. */
    public record ArchivedPage(int seq, String reportId, String body) {
    }

    /** The uploaded file a snapshot came from. */
    public record ArchivedFile(String fileName, byte[] content) {
    }

    private final EntityManager em;

    public SnapshotArchive(EntityManager em) {
        this.em = em;
    }

    /** The session's snapshots, oldest first. */
    @SuppressWarnings("unchecked")
    public List<ArchivedSnapshot> snapshots(String sessionId) {
        List<Object[]> rows = em.createNativeQuery("""
                select id, source, fetched_at, content_hash, participant_count, report_ids, raw_pages::text
                from attendance_snapshot where session_id = ?1 order by fetched_at""")
                .setParameter(1, sessionId).getResultList();
        return rows.stream().map(s -> new ArchivedSnapshot((String) s[0], (String) s[1], SqlTimes.instant(s[2]),
                (String) s[3], ((Number) s[4]).intValue(), SnapshotReads.strings(s[5]), (String) s[6])).toList();
    }

    /** A snapshot's raw pages, in the order they were read. */
    @SuppressWarnings("unchecked")
    public List<ArchivedPage> pages(String snapshotId) {
        List<Object[]> rows = em.createNativeQuery("select seq, report_id, body::text from attendance_snapshot_page "
                + "where snapshot_id = ?1 order by seq").setParameter(1, snapshotId).getResultList();
        return rows.stream().map(p -> new ArchivedPage(((Number) p[0]).intValue(), (String) p[1], (String) p[2]))
                .toList();
    }

    @SuppressWarnings("unchecked")
    public List<ArchivedFile> files(String snapshotId) {
        List<Object[]> rows = em.createNativeQuery("select file_name, content from attendance_snapshot_file "
                + "where snapshot_id = ?1").setParameter(1, snapshotId).getResultList();
        return rows.stream().map(f -> new ArchivedFile((String) f[0], (byte[]) f[1])).toList();
    }
}
