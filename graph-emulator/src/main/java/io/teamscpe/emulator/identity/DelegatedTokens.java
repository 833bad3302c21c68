package io.teamscpe.emulator.identity;

import io.teamscpe.emulator.Scenario.User;
import io.teamscpe.emulator.identity.DelegatedGrants.Grant;
import io.teamscpe.emulator.jwt.Jwt;
import io.teamscpe.emulator.state.EmulatorState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Token responses of the delegated (signed-in user) flows: Graph access token, ID token, refresh token. */
final class DelegatedTokens {

    static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "email", "offline_access");

    private final EmulatorState state;
    private final DelegatedGrants grants;

    DelegatedTokens(EmulatorState state, DelegatedGrants grants) {
        this.state = state;
        this.grants = grants;
    }

    Map<String, Object> tokenResponse(Grant grant, User user, String appDisplayName, boolean clientInfo) {
        Instant now = state.clock().instant();
        int lifetime = state.directory().tokenLifetimeSeconds();
        List<String> graphScopes = grant.scopes().stream().filter(s -> !OIDC_SCOPES.contains(s)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("scope", String.join(" ", grant.scopes()));
        body.put("expires_in", lifetime);
        body.put("ext_expires_in", lifetime);
        body.put("access_token", Jwt.sign(accessClaims(grant, user, appDisplayName, graphScopes, now, lifetime),
                state.microsoftKey()));
        if (grant.scopes().contains("offline_access")) {
            body.put("refresh_token", grants.issueRefreshToken(grant));
        }
        if (grant.scopes().contains("openid")) {
            body.put("id_token", Jwt.sign(idClaims(grant, user, now, lifetime), state.microsoftKey()));
        }
        if (clientInfo) {
            String info = "{\"uid\":\"" + user.id() + "\",\"utid\":\"" + grant.tenantId() + "\"}";
            body.put("client_info", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(info.getBytes(StandardCharsets.UTF_8)));
        }
        return body;
    }

    private static Map<String, Object> accessClaims(Grant grant, User user, String appName, List<String> scopes,
                                                    Instant now, int lifetime) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", GraphTokens.GRAPH_AUDIENCE);
        claims.put("iss", "https://sts.windows.net/" + grant.tenantId() + "/");
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + lifetime);
        claims.put("app_displayname", appName);
        claims.put("appid", grant.clientId());
        claims.put("appidacr", "1");
        claims.put("idtyp", "user");
        claims.put("name", user.displayName());
        claims.put("oid", user.id());
        claims.put("scp", String.join(" ", scopes));
        claims.put("sub", pairwiseSubject(grant, user));
        claims.put("tid", grant.tenantId());
        claims.put("unique_name", user.userPrincipalName());
        claims.put("upn", user.userPrincipalName());
        claims.put("uti", UUID.randomUUID().toString());
        claims.put("ver", "1.0");
        return claims;
    }

    private static Map<String, Object> idClaims(Grant grant, User user, Instant now, int lifetime) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", grant.clientId());
        claims.put("iss", EntraDiscovery.LOGIN_HOST + "/" + grant.tenantId() + "/v2.0");
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + lifetime);
        if (grant.nonce() != null) {
            claims.put("nonce", grant.nonce());
        }
        claims.put("name", user.displayName());
        claims.put("oid", user.id());
        claims.put("preferred_username", user.userPrincipalName());
        claims.put("sub", pairwiseSubject(grant, user));
        claims.put("tid", grant.tenantId());
        claims.put("ver", "2.0");
        return claims;
    }

    /** Entra's {@code sub} differs per app: derive it from app and user. */
    private static String pairwiseSubject(Grant grant, User user) {
        return UUID.nameUUIDFromBytes((grant.clientId() + ":" + user.id()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
