package io.teamscpe.session.messaging;

import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.contracts.session.EnrollmentChunk;
import io.teamscpe.contracts.session.EnrollmentSnapshotCompleted;
import io.teamscpe.platform.outbox.Outbox;
import io.teamscpe.session.Session;
import io.teamscpe.session.config.SessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Publishes a session's whole roster as chunks closed by a completed event, in the caller's transaction. */
@ApplicationScoped
public class RosterEvents {
    static final int MAX_CHUNK_BYTES = 512 * 1024;

    private final Outbox outbox;
    private final SessionConfig config;

    public RosterEvents(Outbox outbox, SessionConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publishSnapshot(Session s, List<Enrollee> roster) {
        String snapshotId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        List<List<Enrollee>> chunks = chunks(roster, Math.max(1, config.enrollmentChunkSize()));
        for (int i = 0; i < chunks.size(); i++) {
            outbox.publish(new EnrollmentChunk(s.id.toString(), s.firmId, snapshotId, s.rosterRevision, i + 1,
                    chunks.size(), chunks.get(i), now));
        }
        outbox.publish(new EnrollmentSnapshotCompleted(s.id.toString(), s.firmId, snapshotId, s.rosterRevision,
                chunks.size(), roster.size(), now));
    }

    /**
     * At most {@code size} enrollees and {@link #MAX_CHUNK_BYTES} per chunk. Counting alone is not enough: 500
     * enrollees with every field at its limit make a record over Kafka's 1 MB, which the relay could never send,
     * and every later event of the service would wait behind it.
     */
    static List<List<Enrollee>> chunks(List<Enrollee> roster, int size) {
        List<List<Enrollee>> chunks = new ArrayList<>();
        List<Enrollee> chunk = new ArrayList<>();
        long bytes = 0;
        for (Enrollee e : roster) {
            long b = worstCaseBytes(e);
            if (!chunk.isEmpty() && (chunk.size() == size || bytes + b > MAX_CHUNK_BYTES)) {
                chunks.add(List.copyOf(chunk));
                chunk.clear();
                bytes = 0;
            }
            chunk.add(e);
            bytes += b;
        }
        if (!chunk.isEmpty()) {
            chunks.add(List.copyOf(chunk));
        }
        return chunks;
    }

    /**
     * JSON bytes of one enrollee at most: every character escaped (six bytes), plus names and punctuation (the
     * credit types' member too).
     */
    private static long worstCaseBytes(Enrollee e) {
        long chars = e.lmsId().length() + e.email().length()
                + (e.displayName() == null ? 0 : e.displayName().length());
        for (String alternate : e.alternateEmails()) {
            chars += alternate.length() + 3;
        }
        if (e.creditTypes() != null) {
            for (String code : e.creditTypes()) {
                chars += code.length() + 3;
            }
        }
        return 6 * chars + 120;
    }
}
