package io.teamscpe.platform.graph;

import java.time.Instant;

/**
 * A short-lived Graph access token. {@code graphUserPath} is where this provider's meeting calls go:
 * {@code users/{organizerId}} for application providers, {@code me} for delegated ones.
 */
public record BrokeredToken(String accessToken, Instant expiresAt, String providerType, String organizerId,
                            String graphUserPath) {
    @Override
    public String toString() {
        return "BrokeredToken[expiresAt=" + expiresAt + ", providerType=" + providerType + ", organizerId="
                + organizerId + "]";
    }
}
