package io.teamscpe.platform.events;

/**
 * Thrown by {@link ConsumerRetry} when the application stops while a record waits out a failure: the record was not
 * applied and must be neither acknowledged nor dead-lettered; its partition's next owner receives it again.
 */
public class ConsumerStopping extends RuntimeException {
    public ConsumerStopping(String channel, Throwable cause) {
        super(channel + ": stopping; the record stays unacknowledged", cause);
    }
}
