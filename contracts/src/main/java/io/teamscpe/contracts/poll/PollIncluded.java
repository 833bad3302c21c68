package io.teamscpe.contracts.poll;

import io.teamscpe.contracts.EventType;
import java.time.Instant;

/** An excluded poll counts towards credit again. */
@EventType("io.teamscpe.poll.included.v1")
public record PollIncluded(String sessionId, String firmId, String pollId, String by, Instant occurredAt)
        implements PollEvent {
}
