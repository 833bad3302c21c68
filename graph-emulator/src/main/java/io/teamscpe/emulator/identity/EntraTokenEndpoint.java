package io.teamscpe.emulator.identity;

import io.teamscpe.emulator.http.Request;
import io.teamscpe.emulator.http.Response;
import io.teamscpe.emulator.http.Router;
import io.teamscpe.emulator.state.Directory.TenantView;
import io.teamscpe.emulator.state.EmulatorState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /{tenant}/oauth2/v2.0/token} (and the v1 path): authenticates the client, then hands the request to
 * the {@link TokenGrant} named by {@code grant_type}. Errors come back in Entra's JSON shape with AADSTS codes.
 */
public final class EntraTokenEndpoint {

    private final EmulatorState state;
    private final Map<String, TokenGrant> grants = new LinkedHashMap<>();

    public EntraTokenEndpoint(EmulatorState state, List<TokenGrant> grants) {
        this.state = state;
        grants.forEach(g -> this.grants.put(g.grantType(), g));
    }

    public void register(Router router) {
        router.post("/{tenant}/oauth2/v2.0/token", this::token)
                .post("/{tenant}/oauth2/token", this::token);
    }

    private Response token(Request request) {
        Instant now = state.clock().instant();
        try {
            Map<String, String> form = request.form();
            TenantView tenant = ClientAuthenticator.tenant(state.directory(), request.pathVar("tenant"),
                    ClientAuthenticator.clientId(form, request));
            String grantType = form.get("grant_type");
            if (grantType == null || grantType.isBlank()) {
                throw EntraError.missingParameter("grant_type");
            }
            TokenGrant grant = grants.get(grantType);
            if (grant == null) {
                throw EntraError.unsupportedGrant(grantType);
            }
            AuthenticatedClient client = ClientAuthenticator.authenticate(tenant, form, request, now);
            return Response.ok(grant.issue(client, form, request)).withHeader("Cache-Control", "no-store, no-cache");
        } catch (EntraError e) {
            return e.toResponse(request, now);
        }
    }
}
