package io.teamscpe.attendance.store;

import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.attendance.normalize.ParticipantBuilder.Normalized;
import io.teamscpe.attendance.upload.UploadedFile;
import io.teamscpe.platform.jdbc.CopyIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

/**
 * Writes a session's attendance snapshot: its row, its normalized participants (COPY), the uploaded file it came
 * from, and the savepoint that undoes an unchanged one. Runs in the caller's transaction.
 */
@ApplicationScoped
public class SnapshotRows {
    private static final String SAVEPOINT = "snapshot_commit";

    /** A participant with its intervals as JSON: written once, hashed and stored. */
    public record ParticipantRow(Normalized normalized, String intervals) {
    }

    private final EntityManager em;

    public SnapshotRows(EntityManager em) {
        this.em = em;
    }

    /** The content hash of a snapshot. */
    public String contentHash(String snapshotId) {
        return (String) em.createNativeQuery("select content_hash from attendance_snapshot where id = ?1")
                .setParameter(1, snapshotId).getSingleResult();
    }

    /** Inserts a snapshot's row; its content hash is set once known ({@link #setContentHash}). */
    public void insert(KnownSession session, String snapshotId, String source, Instant fetchedAt, int participants,
                       List<String> reportIds) {
        em.createNativeQuery("""
                        insert into attendance_snapshot (id, session_id, firm_id, source, fetched_at, content_hash,
                            participant_count, report_ids)
                        values (?1, ?2, ?3, ?4, ?5, '', ?6, ?7)""")
                .setParameter(1, snapshotId).setParameter(2, session.sessionId()).setParameter(3, session.firmId())
                .setParameter(4, source).setParameter(5, fetchedAt).setParameter(6, participants)
                .setParameter(7, reportIds.toArray(String[]::new))
                .executeUpdate();
    }

    public void setContentHash(String snapshotId, String hash) {
        em.createNativeQuery("update attendance_snapshot set content_hash = ?1 where id = ?2")
                .setParameter(1, hash).setParameter(2, snapshotId).executeUpdate();
    }

    public void markRepublished(String snapshotId, Instant at) {
        em.createNativeQuery("update attendance_snapshot set republished_at = ?1 where id = ?2")
                .setParameter(1, at).setParameter(2, snapshotId).executeUpdate();
    }

    /** Drops the session's normalized participants (the new snapshot's replace them). */
    public void deleteParticipants(String sessionId) {
        em.createNativeQuery("delete from attendance_participant where session_id = ?1")
                .setParameter(1, sessionId).executeUpdate();
    }

    /** Inserts a chunk of normalized participants with one COPY. */
    public void copyParticipants(String sessionId, String snapshotId, List<ParticipantRow> chunk) {
        CopyIn rows = new CopyIn("attendance_participant", "session_id, participant_key, snapshot_id, object_id, "
                + "email, display_name, role, guest, anonymous, flags, intervals");
        for (ParticipantRow w : chunk) {
            var p = w.normalized().participant();
            rows.row(sessionId, p.participantKey(), snapshotId, p.objectId(), p.email(), p.displayName(),
                    p.role(), p.guest(), p.anonymous(), p.flags(), w.intervals());
        }
        em.unwrap(Session.class).doWork(rows::send);
    }

    /** Keeps an uploaded file verbatim with its snapshot. */
    public void keepFile(String snapshotId, UploadedFile file) {
        em.createNativeQuery("""
                        insert into attendance_snapshot_file (snapshot_id, file_name, sha256, size_bytes, uploaded_by,
                            content) values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, snapshotId).setParameter(2, file.fileName()).setParameter(3, file.sha256())
                .setParameter(4, (long) file.content().length).setParameter(5, file.uploadedBy())
                .setParameter(6, file.content()).executeUpdate();
    }

    /** Marks where an unchanged snapshot is rolled back to. */
    public void savepoint() {
        sql("savepoint " + SAVEPOINT);
    }

    public void rollbackToSavepoint() {
        sql("rollback to savepoint " + SAVEPOINT);
    }

    public void releaseSavepoint() {
        sql("release savepoint " + SAVEPOINT);
    }

    /** A statement JPA has no word for (savepoints), on the transaction's connection. */
    private void sql(String statement) {
        em.flush();
        em.unwrap(Session.class).doWork(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(statement);
            }
        });
    }
}
