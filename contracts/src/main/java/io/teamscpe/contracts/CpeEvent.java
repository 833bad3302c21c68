package io.teamscpe.contracts;

import java.time.Instant;

/**
 * An immutable fact one service publishes for the others. Concrete events are records under one sealed interface
 * per topic (annotated with {@link Topic}); each record carries its CloudEvents type in {@link EventType}.
 */
public interface CpeEvent {
    /** The firm (tenant) the fact belongs to. */
    String firmId();

    /** Kafka record key: the aggregate the event is about (session id; credential id for credential events). */
    String key();

    /** When the fact happened, UTC. */
    Instant occurredAt();
}
