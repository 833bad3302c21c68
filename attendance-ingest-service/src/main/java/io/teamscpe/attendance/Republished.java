package io.teamscpe.attendance;

import java.time.Instant;

/** What a request to send a snapshot again did: the session's current snapshot, and whether it was sent now. */
public record Republished(String snapshotId, int participants, boolean sent, Instant at) {
}
