package io.teamscpe.attendance.messaging;

import io.teamscpe.attendance.Republished;
import io.teamscpe.attendance.normalize.ParticipantBuilder.Normalized;
import io.teamscpe.attendance.store.SnapshotReads;
import io.teamscpe.attendance.store.SnapshotReads.StoredSnapshot;
import io.teamscpe.attendance.store.SnapshotRows;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    private final SnapshotReads reads;
    private final SnapshotRows rows;
    private final SnapshotEvents events;

    public SnapshotRepublisher(SnapshotReads reads, SnapshotRows rows, SnapshotEvents events) {
        this.reads = reads;
        this.rows = rows;
        this.events = events;
    }

    /**
     * Republishes the session's current snapshot unless that was done less than a minute ago; null when the session
     * has no snapshot. Call in a transaction with the session's ingestion job locked, so no new snapshot is
     * committed meanwhile.
     */
    public Republished republish(String sessionId, String snapshotId, boolean evenIfRecent) {
        if (snapshotId == null) {
            return null;
        }
        StoredSnapshot snapshot = reads.snapshot(snapshotId);
        Instant now = Instant.now();
        Instant last = snapshot.republishedAt();
        int count = snapshot.participantCount();
        if (!evenIfRecent && last != null && last.isAfter(now.minus(QUIET))) {
            return new Republished(snapshotId, count, false, last);
        }
        String firmId = snapshot.firmId();
        List<Normalized> participants = reads.participants(sessionId, snapshotId);
        for (int from = 0; from < participants.size(); from += CHUNK) {
            events.participants(sessionId, firmId, snapshotId, from, count,
                    participants.subList(from, Math.min(participants.size(), from + CHUNK)), now);
        }
        events.completed(sessionId, firmId, snapshotId, count, snapshot.reportIds(), snapshot.source(),
                snapshot.fetchedAt(), now);
        rows.markRepublished(snapshotId, now);
        LOG.infof("session %s: attendance snapshot %s (%d participants) republished", sessionId, snapshotId, count);
        return new Republished(snapshotId, count, true, now);
    }
}
