package io.teamscpe.emulator.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a signed-in user granted to an app: single-use authorization codes (10 minutes) and refresh tokens.
 * Held per emulator instance, in memory.
 */
public final class DelegatedGrants {

    private static final long CODE_LIFETIME_SECONDS = 600;

    /** A user's consent to an app for some scopes, with the PKCE challenge and nonce of the sign-in. */
    public record Grant(String tenantId, String clientId, String userId, List<String> scopes, String redirectUri,
                        String codeChallenge, String codeChallengeMethod, String nonce, Instant expires) {
    }

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> revokedRefreshTokens = new ConcurrentHashMap<>();

    /** Issues an authorization code for the grant. */
    public String issueCode(Grant grant, Instant now) {
        String code = "0.emu-code." + UUID.randomUUID();
        codes.put(code, withExpiry(grant, now.plusSeconds(CODE_LIFETIME_SECONDS)));
        return code;
    }

    /** Redeems a code once; empty when unknown, already used or expired. */
    public Optional<Grant> redeemCode(String code, Instant now) {
        Grant grant = code == null ? null : codes.remove(code);
        return Optional.ofNullable(grant).filter(g -> now.isBefore(g.expires()));
    }

    /** Issues a refresh token that carries the grant on (no expiry; {@link #revoke} ends it). */
    public String issueRefreshToken(Grant grant) {
        String token = "0.emu-refresh." + UUID.randomUUID();
        refreshTokens.put(token, withExpiry(grant, Instant.MAX));
        return token;
    }

    public Optional<Grant> refreshToken(String token) {
        return Optional.ofNullable(token == null ? null : refreshTokens.get(token));
    }

    /** Whether this refresh token was revoked (Entra then answers AADSTS50173). */
    public boolean isRevoked(String token) {
        return token != null && revokedRefreshTokens.containsKey(token);
    }

    /**
     * Revokes every refresh token the user granted to the app, as an admin's "Revoke sessions" or a password reset
     * does; returns how many were revoked.
     */
    public int revoke(String clientId, String userId) {
        int[] count = {0};
        refreshTokens.entrySet().removeIf(e -> {
            boolean match = e.getValue().clientId().equalsIgnoreCase(clientId)
                    && e.getValue().userId().equalsIgnoreCase(userId);
            if (match) {
                revokedRefreshTokens.put(e.getKey(), e.getValue());
                count[0]++;
            }
            return match;
        });
        return count[0];
    }

    private static Grant withExpiry(Grant g, Instant expires) {
        return new Grant(g.tenantId(), g.clientId(), g.userId(), g.scopes(), g.redirectUri(), g.codeChallenge(),
                g.codeChallengeMethod(), g.nonce(), expires);
    }
}
