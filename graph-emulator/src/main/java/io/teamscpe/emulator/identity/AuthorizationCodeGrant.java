package io.teamscpe.emulator.identity;

import io.teamscpe.emulator.Scenario.User;
import io.teamscpe.emulator.http.Request;
import io.teamscpe.emulator.identity.DelegatedGrants.Grant;
import io.teamscpe.emulator.state.EmulatorState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/** {@code grant_type=authorization_code}: redeems a code (once), checking redirect URI and PKCE verifier. */
public final class AuthorizationCodeGrant implements TokenGrant {

    private final EmulatorState state;
    private final DelegatedGrants grants;
    private final DelegatedTokens tokens;

    public AuthorizationCodeGrant(EmulatorState state, DelegatedGrants grants) {
        this.state = state;
        this.grants = grants;
        this.tokens = new DelegatedTokens(state, grants);
    }

    @Override
    public String grantType() {
        return "authorization_code";
    }

    @Override
    public Map<String, Object> issue(AuthenticatedClient client, Map<String, String> form, Request request) {
        Instant now = state.clock().instant();
        Grant grant = grants.redeemCode(form.get("code"), now)
                .filter(g -> g.clientId().equalsIgnoreCase(client.app().clientId()))
                .orElseThrow(() -> new EntraError(400, "invalid_grant", 70008, "The provided authorization code or"
                        + " refresh token has expired due to inactivity, was already redeemed or was issued to"
                        + " another client. Send a new interactive authorization request for this user and resource."));
        if (!grant.redirectUri().equals(form.get("redirect_uri"))) {
            throw new EntraError(400, "invalid_grant", 500112, "The reply address '" + form.get("redirect_uri")
                    + "' does not match the reply address '" + grant.redirectUri()
                    + "' provided when requesting Authorization code.");
        }
        if (grant.codeChallenge() != null && !pkceMatches(grant, form.get("code_verifier"))) {
            throw new EntraError(400, "invalid_grant", 50148,
                    "The code_verifier does not match the code_challenge supplied in the authorization request.");
        }
        User user = client.tenant().user(grant.userId()).orElseThrow(() -> new EntraError(400, "invalid_grant",
                50034, "The user account does not exist in the directory."));
        return tokens.tokenResponse(grant, user, client.app().displayName(), "1".equals(form.get("client_info")));
    }

    private static boolean pkceMatches(Grant grant, String verifier) {
        if (verifier == null) {
            return false;
        }
        if (!"S256".equalsIgnoreCase(grant.codeChallengeMethod())) {
            return verifier.equals(grant.codeChallenge());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).equals(grant.codeChallenge());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
