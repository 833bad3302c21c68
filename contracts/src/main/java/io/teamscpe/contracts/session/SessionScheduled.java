package io.teamscpe.contracts.session;

import io.teamscpe.contracts.EventType;
import java.time.Instant;

/** A session was created or changed; {@code revision} grows with each change, consumers keep the highest. */
@EventType("io.teamscpe.session.scheduled.v1")
public record SessionScheduled(String sessionId, String firmId, int revision, SessionDetails details,
                               Instant occurredAt) implements SessionEvent {
}
