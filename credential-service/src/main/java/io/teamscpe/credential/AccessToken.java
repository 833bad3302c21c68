package io.teamscpe.credential;

import java.time.Instant;

/** A bearer token for Graph and when it expires; never logged. */
public record AccessToken(String value, Instant expiresAt) {
    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]";
    }
}
