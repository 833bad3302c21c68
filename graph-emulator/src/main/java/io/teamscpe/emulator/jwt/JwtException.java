package io.teamscpe.emulator.jwt;

/** A token that is malformed, wrongly signed or outside its lifetime; the message says which. */
public final class JwtException extends RuntimeException {

    private final boolean expired;

    JwtException(String message, boolean expired) {
        super(message);
        this.expired = expired;
    }

    public boolean expired() {
        return expired;
    }
}
