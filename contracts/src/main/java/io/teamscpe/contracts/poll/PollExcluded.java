package io.teamscpe.contracts.poll;

import io.teamscpe.contracts.EventType;
import java.time.Instant;

/** The poll no longer counts towards credit (it stays visible). */
@EventType("io.teamscpe.poll.excluded.v1")
public record PollExcluded(String sessionId, String firmId, String pollId, String reason, String by,
                           Instant occurredAt) implements PollEvent {
}
