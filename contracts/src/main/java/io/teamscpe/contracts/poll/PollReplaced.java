package io.teamscpe.contracts.poll;

import io.teamscpe.contracts.EventType;
import java.time.Instant;
import java.util.List;

/**
 * A poll's file was replaced: same poll id, a new revision whose {@code chunkCount} response chunks follow and
 * replace the previous responses whole. The previous file is kept for the audit trail.
 */
@EventType("io.teamscpe.poll.replaced.v1")
public record PollReplaced(String sessionId, String firmId, String pollId, int revision, String question,
                           List<String> options, boolean multiSelect, String fileName, String sha256,
                           String previousFileName, String previousSha256, String uploadedBy, int responseCount,
                           int anonymousCount, int matchedCount, int chunkCount, boolean included, String timeZone,
                           Instant occurredAt) implements PollEvent {
}
