package io.teamscpe.platform.events;

/** A record no retry can fix; the consumer's failure strategy parks it on the dead-letter topic. */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }
}
