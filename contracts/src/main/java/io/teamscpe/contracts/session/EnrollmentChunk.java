package io.teamscpe.contracts.session;

import io.teamscpe.contracts.EventType;
import java.time.Instant;
import java.util.List;

/**
 * One chunk (sequence 1..count) of a session's complete roster snapshot; {@link EnrollmentSnapshotCompleted} closes
 * the snapshot, which then replaces the session's roster whole. {@code rosterRevision} grows with each change.
 */
@EventType("io.teamscpe.session.enrollment-chunk.v1")
public record EnrollmentChunk(String sessionId, String firmId, String snapshotId, int rosterRevision, int sequence,
                              int count, List<Enrollee> enrollees, Instant occurredAt) implements SessionEvent {
}
