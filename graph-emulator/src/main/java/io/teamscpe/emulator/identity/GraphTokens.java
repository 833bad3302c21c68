package io.teamscpe.emulator.identity;

import io.teamscpe.emulator.Scenario.App;
import io.teamscpe.emulator.jwt.Jwt;
import io.teamscpe.emulator.state.EmulatorState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Mints the Microsoft Graph access tokens (v1.0 Entra format) that the emulated Graph accepts. */
public final class GraphTokens {

    /** The audience of Graph tokens; Graph also accepts its app id {@link #GRAPH_APP_ID}. */
    public static final String GRAPH_AUDIENCE = "https://graph.microsoft.com";
    public static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

    private final EmulatorState state;

    public GraphTokens(EmulatorState state) {
        this.state = state;
    }

    /** An app-only token: {@code idtyp app} and the consented application permissions as {@code roles}. */
    public Map<String, Object> appOnlyTokenResponse(AuthenticatedClient client) {
        App app = client.app();
        String tenantId = client.tenant().id();
        Instant now = state.clock().instant();
        int lifetime = state.directory().tokenLifetimeSeconds();
        String servicePrincipal = UUID.nameUUIDFromBytes(("sp:" + tenantId + ":" + app.clientId())
                .getBytes(StandardCharsets.UTF_8)).toString();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", GRAPH_AUDIENCE);
        claims.put("iss", "https://sts.windows.net/" + tenantId + "/");
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + lifetime);
        claims.put("app_displayname", app.displayName());
        claims.put("appid", app.clientId());
        claims.put("appidacr", "1");
        claims.put("idp", "https://sts.windows.net/" + tenantId + "/");
        claims.put("idtyp", "app");
        claims.put("oid", servicePrincipal);
        List<String> roles = app.adminConsent() ? app.applicationPermissions() : List.of();
        if (!roles.isEmpty()) {
            claims.put("roles", roles);
        }
        claims.put("sub", servicePrincipal);
        claims.put("tenant_region_scope", "NA");
        claims.put("tid", tenantId);
        claims.put("uti", UUID.randomUUID().toString());
        claims.put("ver", "1.0");
        return tokenResponse(Jwt.sign(claims, state.microsoftKey()), lifetime);
    }

    private static Map<String, Object> tokenResponse(String accessToken, int lifetime) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("expires_in", lifetime);
        body.put("ext_expires_in", lifetime);
        body.put("access_token", accessToken);
        return body;
    }
}
