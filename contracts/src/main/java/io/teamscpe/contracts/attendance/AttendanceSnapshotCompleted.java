package io.teamscpe.contracts.attendance;

import io.teamscpe.contracts.EventType;
import java.time.Instant;
import java.util.List;

/**
 * Closes a snapshot: all {@code participantCount} participant events were published before this one.
 *
 * @param source    {@code graph} or {@code upload}
 * @param reportIds the Graph attendance reports the snapshot was built from
 */
@EventType("io.teamscpe.attendance.snapshot-completed.v1")
public record AttendanceSnapshotCompleted(String sessionId, String firmId, String snapshotId, int participantCount,
                                          List<String> reportIds, String source, Instant fetchedAt,
                                          Instant occurredAt) implements AttendanceEvent {
}
