package io.teamscpe.contracts.poll;

import io.teamscpe.contracts.EventType;
import java.time.Instant;

/**
 * The same file's responses were matched again (new attendance, or an admin mapped a respondent): a new revision
 * whose {@code chunkCount} response chunks follow and replace the previous responses whole.
 *
 * @param reason ATTENDANCE_CHANGED, ENROLLMENT_CHANGED or RESPONDENT_MAPPED
 */
@EventType("io.teamscpe.poll.reconciled.v1")
public record PollReconciled(String sessionId, String firmId, String pollId, int revision, int responseCount,
                             int anonymousCount, int matchedCount, int chunkCount, boolean included, String reason,
                             Instant occurredAt) implements PollEvent {
}
