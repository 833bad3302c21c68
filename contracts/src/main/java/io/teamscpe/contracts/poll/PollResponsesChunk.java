package io.teamscpe.contracts.poll;

import io.teamscpe.contracts.EventType;
import java.time.Instant;
import java.util.List;

/** Responses {@code sequence} of {@code count} of one poll revision; sized to stay far below 1 MB. */
@EventType("io.teamscpe.poll.responses-chunk.v1")
public record PollResponsesChunk(String sessionId, String firmId, String pollId, int revision, int sequence,
                                 int count, List<PollResponse> responses, Instant occurredAt) implements PollEvent {
}
