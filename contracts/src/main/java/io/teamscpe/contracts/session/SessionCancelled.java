package io.teamscpe.contracts.session;

import io.teamscpe.contracts.EventType;
import java.time.Instant;

@EventType("io.teamscpe.session.cancelled.v1")
public record SessionCancelled(String sessionId, String firmId, String reason, Instant occurredAt)
        implements SessionEvent {
}
