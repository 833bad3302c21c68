package io.teamscpe.contracts.poll;

import io.teamscpe.contracts.EventType;
import java.time.Instant;
import java.util.List;

/**
 * A poll was created from an uploaded export (revision 1); {@code chunkCount} response chunks follow.
 *
 * @param options  the options seen in the responses, in order of first appearance (the export lists no others)
 * @param timeZone the zone (IANA id or UTC offset) the export's wall-clock times were read in
 */
@EventType("io.teamscpe.poll.uploaded.v1")
public record PollUploaded(String sessionId, String firmId, String pollId, int revision, String question,
                           List<String> options, boolean multiSelect, String fileName, String sha256,
                           String uploadedBy, int responseCount, int anonymousCount, int matchedCount,
                           int chunkCount, boolean included, String timeZone, Instant occurredAt)
        implements PollEvent {
}
