package io.teamscpe.emulator.identity;

import io.teamscpe.emulator.Scenario.User;
import io.teamscpe.emulator.http.Request;
import io.teamscpe.emulator.identity.DelegatedGrants.Grant;
import io.teamscpe.emulator.state.EmulatorState;
import java.util.Map;

/** {@code grant_type=refresh_token}: new tokens for the user and scopes of an earlier sign-in. */
public final class RefreshTokenGrant implements TokenGrant {

    private final DelegatedGrants grants;
    private final DelegatedTokens tokens;

    public RefreshTokenGrant(EmulatorState state, DelegatedGrants grants) {
        this.grants = grants;
        this.tokens = new DelegatedTokens(state, grants);
    }

    @Override
    public String grantType() {
        return "refresh_token";
    }

    @Override
    public Map<String, Object> issue(AuthenticatedClient client, Map<String, String> form, Request request) {
        if (grants.isRevoked(form.get("refresh_token"))) {
            throw new EntraError(400, "invalid_grant", 50173, "The provided grant has expired due to it being"
                    + " revoked, a fresh auth token is needed. The user might have changed or reset their password.");
        }
        Grant grant = grants.refreshToken(form.get("refresh_token"))
                .filter(g -> g.clientId().equalsIgnoreCase(client.app().clientId())
                        && g.tenantId().equalsIgnoreCase(client.tenant().id()))
                .orElseThrow(() -> new EntraError(400, "invalid_grant", 9002313,
                        "Invalid request. Request is malformed or invalid: the refresh token is unknown or was"
                                + " issued to another client."));
        User user = client.tenant().user(grant.userId()).orElseThrow(() -> new EntraError(400, "invalid_grant",
                50034, "The user account does not exist in the directory."));
        return tokens.tokenResponse(grant, user, client.app().displayName(), "1".equals(form.get("client_info")));
    }
}
