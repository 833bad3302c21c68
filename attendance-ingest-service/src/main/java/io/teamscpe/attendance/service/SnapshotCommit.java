package io.teamscpe.attendance.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.attendance.IngestionJob;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.attendance.messaging.SnapshotEvents;
import io.teamscpe.attendance.store.SnapshotRows;
import io.teamscpe.attendance.store.SnapshotRows.ParticipantRow;
import io.teamscpe.attendance.store.Staging;
import io.teamscpe.attendance.upload.UploadedFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Turns a staged fetch into the session's snapshot in one transaction: the raw pages (immutable), the normalized
 * rows, and one event per participant closed by a snapshot-completed event. Works a chunk of participants at a
 * time. A snapshot identical to the current one is recognised and not republished.
 */
@ApplicationScoped
public class SnapshotCommit {
    private static final int CHUNK = 500;

    /** What committing a staged fetch did. */
    public record Committed(boolean changed, int participants, String snapshotId) {
    }

    private final Staging staging;
    private final SnapshotRows rows;
    private final SnapshotEvents events;
    private final ObjectMapper json;

    public SnapshotCommit(Staging staging, SnapshotRows rows, SnapshotEvents events, ObjectMapper json) {
        this.staging = staging;
        this.rows = rows;
        this.events = events;
        this.json = json;
    }

    /**
     * Commits the staged fetch in one pass over the staged rows: the snapshot is written while its content hash is
     * computed, and rolled back to a savepoint if the hash shows nothing changed since the current snapshot (a
     * re-fetch of an unchanged report costs the writing, the common new snapshot does not cost a second pass).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Committed commit(KnownSession session, IngestionJob job, String fetchId, List<String> reportIds,
                            String source, UploadedFile file) {
        int count = staging.participants(fetchId);
        String current = job.snapshotId == null ? null : rows.contentHash(job.snapshotId);
        String snapshotId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        rows.savepoint();
        rows.insert(session, snapshotId, source, now, count, reportIds);
        staging.keepPages(fetchId, snapshotId);
        if (file != null) {
            rows.keepFile(snapshotId, file);
        }
        rows.deleteParticipants(session.sessionId());
        MessageDigest digest = sha256();
        List<ParticipantRow> chunk = new ArrayList<>(CHUNK);
        int[] sequence = {0};
        staging.scan(fetchId, n -> {
            ParticipantRow w = new ParticipantRow(n, write(n.intervals()));
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
            rows.rollbackToSavepoint();
            staging.discard(fetchId);
            return new Committed(false, count, job.snapshotId);
        }
        rows.releaseSavepoint();
        rows.setContentHash(snapshotId, hash);
        events.completed(session.sessionId(), session.firmId(), snapshotId, count, reportIds, source, now, now);
        staging.discard(fetchId);
        job.snapshotId = snapshotId;
        return new Committed(true, count, snapshotId);
    }

    /** Inserts a chunk of normalized rows and publishes their events, then empties the chunk. */
    private void write(KnownSession session, String snapshotId, List<ParticipantRow> chunk, int[] sequence,
                       int count, Instant now) {
        if (chunk.isEmpty()) {
            return;
        }
        rows.copyParticipants(session.sessionId(), snapshotId, chunk);
        events.participants(session.sessionId(), session.firmId(), snapshotId, sequence[0], count,
                chunk.stream().map(ParticipantRow::normalized).toList(), now);
        sequence[0] += chunk.size();
        chunk.clear();
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
