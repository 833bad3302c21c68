package io.teamscpe.emulator.graph;

import io.teamscpe.emulator.identity.GraphTokens;
import io.teamscpe.emulator.jwt.Jwt;
import io.teamscpe.emulator.jwt.JwtException;
import io.teamscpe.emulator.state.Directory.TenantView;
import io.teamscpe.emulator.state.EmulatorState;
import io.teamscpe.emulator.http.Request;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Verifies the bearer token of a Graph request (emulator signature, lifetime, audience, tenant). */
final class GraphAuthenticator {

    private final EmulatorState state;

    GraphAuthenticator(EmulatorState state) {
        this.state = state;
    }

    GraphCaller authenticate(Request request) {
        String token = request.bearerToken()
                .orElseThrow(() -> GraphError.invalidToken("Access token is empty."));
        Map<String, Object> claims;
        try {
            claims = Jwt.verify(token, state.microsoftKey().publicKey(), state.clock().instant());
        } catch (JwtException e) {
            throw GraphError.invalidToken("Access token validation failure. " + e.getMessage());
        }
        Object audience = claims.get("aud");
        if (!GraphTokens.GRAPH_AUDIENCE.equals(audience) && !GraphTokens.GRAPH_APP_ID.equals(audience)) {
            throw GraphError.invalidToken("Access token validation failure. Invalid audience.");
        }
        String tenantId = String.valueOf(claims.get("tid"));
        TenantView tenant = state.directory().tenant(tenantId)
                .orElseThrow(() -> GraphError.invalidToken("Access token validation failure. Tenant '" + tenantId
                        + "' is not known to the emulator (was the scenario replaced?)."));
        String appId = String.valueOf(claims.get("appid"));
        boolean appOnly = "app".equals(claims.get("idtyp")) || !claims.containsKey("scp");
        String delegatedUser = appOnly ? null : String.valueOf(claims.get("oid"));
        return new GraphCaller(tenant, appId, tenant.app(appId).orElse(null), permissions(claims, appOnly),
                delegatedUser);
    }

    /** Application permissions ({@code roles}) of app-only tokens, delegated scopes ({@code scp}) otherwise. */
    private static Set<String> permissions(Map<String, Object> claims, boolean appOnly) {
        Set<String> permissions = new LinkedHashSet<>();
        if (appOnly && claims.get("roles") instanceof Collection<?> list) {
            list.forEach(r -> permissions.add(String.valueOf(r)));
        }
        if (!appOnly) {
            permissions.addAll(Arrays.asList(String.valueOf(claims.get("scp")).trim().split("\\s+")));
        }
        return Set.copyOf(permissions);
    }
}
