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
import java.util.List;
import java.util.UUID;

/** Publishes a session's whole roster as chunks closed by a completed event, in the caller's transaction. */
@ApplicationScoped
public class RosterEvents {
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
        int size = Math.max(1, config.enrollmentChunkSize());
        int chunks = (roster.size() + size - 1) / size;
        for (int i = 0; i < chunks; i++) {
            List<Enrollee> part = List.copyOf(roster.subList(i * size, Math.min(roster.size(), (i + 1) * size)));
            outbox.publish(new EnrollmentChunk(s.id.toString(), s.firmId, snapshotId, s.rosterRevision, i + 1,
                    chunks, part, now));
        }
        outbox.publish(new EnrollmentSnapshotCompleted(s.id.toString(), s.firmId, snapshotId, s.rosterRevision,
                chunks, roster.size(), now));
    }
}
