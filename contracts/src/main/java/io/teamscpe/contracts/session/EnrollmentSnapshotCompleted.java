package io.teamscpe.contracts.session;

import io.teamscpe.contracts.EventType;
import java.time.Instant;

/**
 * Closes a roster snapshot: its {@code chunkCount} chunks (0 for an empty roster) precede it on the same partition.
 * Consumers keep the highest {@code rosterRevision}.
 */
@EventType("io.teamscpe.session.enrollment-snapshot-completed.v1")
public record EnrollmentSnapshotCompleted(String sessionId, String firmId, String snapshotId, int rosterRevision,
                                          int chunkCount, int enrolledCount, Instant occurredAt)
        implements SessionEvent {
}
