package io.teamscpe.attendance.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.attendance.IngestionJob;
import io.teamscpe.attendance.TrackedSession;
import io.teamscpe.attendance.normalize.ParticipantBuilder.Normalized;
import io.teamscpe.contracts.attendance.AttendanceSnapshotCompleted;
import io.teamscpe.contracts.attendance.ParticipantAttended;
import io.teamscpe.platform.jdbc.CopyIn;
import io.teamscpe.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Turns a staged fetch into the session's snapshot in one transaction: the raw pages (immutable), the normalized
 * rows, and one event per participant closed by a snapshot-completed event. Works a chunk of participants at a
 * time. A snapshot identical to the current one is recognised and not republished.
 */
@ApplicationScoped
public class SnapshotStore {
    private static final int CHUNK = 500;

    /** What committing a staged fetch did. */
    public record Committed(boolean changed, int participants, String snapshotId) {
    }

    /** An uploaded Teams attendance file, kept verbatim with the snapshot it produced. */
    public record UploadedFile(String fileName, String sha256, byte[] content, String uploadedBy) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Staging staging;

    public SnapshotStore(EntityManager em, Outbox outbox, ObjectMapper json, Staging staging) {
        this.em = em;
        this.outbox = outbox;
        this.json = json;
        this.staging = staging;
    }

    /**
     * Commits the staged fetch in one pass over the staged rows: the snapshot is written while its content hash is
     * computed, and rolled back to a savepoint if the hash shows nothing changed since the current snapshot (a
     * re-fetch of an unchanged report costs the writing, the common new snapshot does not cost a second pass).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Committed commit(TrackedSession session, IngestionJob job, String fetchId, List<String> reportIds,
                            String source, UploadedFile file) {
        int count = staging.participants(fetchId);
        String current = job.snapshotId == null ? null : (String) em.createNativeQuery(
                "select content_hash from attendance_snapshot where id = ?1")
                .setParameter(1, job.snapshotId).getSingleResult();
        String snapshotId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        sql("savepoint snapshot_commit");
        em.createNativeQuery("""
                        insert into attendance_snapshot (id, session_id, firm_id, source, fetched_at, content_hash,
                            participant_count, report_ids)
                        values (?1, ?2, ?3, ?4, ?5, '', ?6, ?7)""")
                .setParameter(1, snapshotId).setParameter(2, session.sessionId).setParameter(3, session.firmId)
                .setParameter(4, source).setParameter(5, now).setParameter(6, count)
                .setParameter(7, reportIds.toArray(String[]::new))
                .executeUpdate();
        staging.keepPages(fetchId, snapshotId);
        if (file != null) {
            keepFile(snapshotId, file);
        }
        em.createNativeQuery("delete from attendance_participant where session_id = ?1")
                .setParameter(1, session.sessionId).executeUpdate();
        MessageDigest digest = sha256();
        List<Written> chunk = new ArrayList<>(CHUNK);
        int[] sequence = {0};
        staging.scan(fetchId, n -> {
            Written w = new Written(n, write(n.intervals()));
            digest.update(write(n.participant()).getBytes(StandardCharsets.UTF_8));
            digest.update(w.intervals().getBytes(StandardCharsets.UTF_8));
            chunk.add(w);
            if (chunk.size() == CHUNK) {
                write(session, snapshotId, chunk, sequence, count, now);
            }
        });
        write(session, snapshotId, chunk, sequence, count, now);
        String hash = HexFormat.of().formatHex(digest.digest());
        if (hash.equals(current)) {
            sql("rollback to savepoint snapshot_commit");
            staging.discard(fetchId);
            return new Committed(false, count, job.snapshotId);
        }
        sql("release savepoint snapshot_commit");
        em.createNativeQuery("update attendance_snapshot set content_hash = ?1 where id = ?2")
                .setParameter(1, hash).setParameter(2, snapshotId).executeUpdate();
        outbox.publish(new AttendanceSnapshotCompleted(session.sessionId, session.firmId, snapshotId, count,
                reportIds, source, now, now));
        staging.discard(fetchId);
        job.snapshotId = snapshotId;
        return new Committed(true, count, snapshotId);
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

    /** A participant with its intervals as JSON: written once, hashed and stored. */
    private record Written(Normalized normalized, String intervals) {
    }

    /** Inserts a chunk of normalized rows and publishes their events, then empties the chunk. */
    private void write(TrackedSession session, String snapshotId, List<Written> chunk, int[] sequence, int count,
                       Instant now) {
        if (chunk.isEmpty()) {
            return;
        }
        CopyIn rows = new CopyIn("attendance_participant", "session_id, participant_key, snapshot_id, object_id, "
                + "email, display_name, role, guest, anonymous, flags, intervals");
        for (Written w : chunk) {
            var p = w.normalized().participant();
            rows.row(session.sessionId, p.participantKey(), snapshotId, p.objectId(), p.email(), p.displayName(),
                    p.role(), p.guest(), p.anonymous(), p.flags(), w.intervals());
        }
        em.unwrap(Session.class).doWork(rows::send);
        List<ParticipantAttended> events = new ArrayList<>(chunk.size());
        for (Written w : chunk) {
            Normalized n = w.normalized();
            events.add(new ParticipantAttended(session.sessionId, session.firmId, snapshotId, ++sequence[0], count,
                    n.participant(), n.intervals(), now));
        }
        outbox.publishAll(events);
        chunk.clear();
    }

    private void keepFile(String snapshotId, UploadedFile file) {
        em.createNativeQuery("""
                        insert into attendance_snapshot_file (snapshot_id, file_name, sha256, size_bytes, uploaded_by,
                            content) values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, snapshotId).setParameter(2, file.fileName()).setParameter(3, file.sha256())
                .setParameter(4, (long) file.content().length).setParameter(5, file.uploadedBy())
                .setParameter(6, file.content()).executeUpdate();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
