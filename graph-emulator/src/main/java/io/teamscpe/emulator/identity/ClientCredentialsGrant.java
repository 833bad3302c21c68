package io.teamscpe.emulator.identity;

import io.teamscpe.emulator.http.Request;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code grant_type=client_credentials}: an app-only Graph token for scope {@code https://graph.microsoft.com/.default}. */
public final class ClientCredentialsGrant implements TokenGrant {

    private static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "offline_access", "email");
    private static final Set<String> GRAPH_DEFAULT = Set.of(GraphTokens.GRAPH_AUDIENCE + "/.default",
            GraphTokens.GRAPH_AUDIENCE + "//.default", GraphTokens.GRAPH_APP_ID + "/.default");

    private final GraphTokens tokens;

    public ClientCredentialsGrant(GraphTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public String grantType() {
        return "client_credentials";
    }

    @Override
    public Map<String, Object> issue(AuthenticatedClient client, Map<String, String> form, Request request) {
        String pathTenant = request.pathVar("tenant");
        if ("common".equalsIgnoreCase(pathTenant) || "organizations".equalsIgnoreCase(pathTenant)) {
            throw new EntraError(400, "invalid_request", 50194, "Application '" + client.app().clientId() + "'("
                    + client.app().displayName() + ") is not configured as a multi-tenant application. Usage of the"
                    + " /common endpoint is not supported for such applications created after '10/15/2018'. Use a"
                    + " tenant-specific endpoint or configure the application to be multi-tenant.");
        }
        String scope = form.get("scope");
        if (scope == null || scope.isBlank()) {
            throw EntraError.missingParameter("scope");
        }
        List<String> scopes = Arrays.stream(scope.trim().split("\\s+"))
                .filter(s -> !OIDC_SCOPES.contains(s))
                .toList();
        if (scopes.size() != 1 || !scopes.get(0).endsWith("/.default")) {
            throw new EntraError(400, "invalid_scope", 1002012, "The provided value for scope " + scope
                    + " is not valid. Client credential flows must have a scope value with /.default suffixed to"
                    + " the resource identifier (application ID URI).");
        }
        if (!GRAPH_DEFAULT.contains(scopes.get(0).toLowerCase(java.util.Locale.ROOT))) {
            String resource = scopes.get(0).substring(0, scopes.get(0).length() - "/.default".length());
            throw new EntraError(400, "invalid_resource", 500011, "The resource principal named " + resource
                    + " was not found in the tenant named " + client.tenant().id() + ". This can happen if the"
                    + " application has not been installed by the administrator of the tenant or consented to by"
                    + " any user in the tenant. You might have sent your authentication request to the wrong tenant.");
        }
        return tokens.appOnlyTokenResponse(client);
    }
}
