package io.teamscpe.emulator.identity;

import io.teamscpe.emulator.http.Request;
import io.teamscpe.emulator.http.Response;
import io.teamscpe.emulator.http.Router;
import io.teamscpe.emulator.state.EmulatorState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The discovery documents of the Microsoft identity platform: AAD instance discovery (what msal4j asks before
 * every first token request), the v2.0 OpenID configuration of a tenant and its signing keys. URLs inside them
 * name {@code login.microsoftonline.com}, because clients re-target that host to the emulator themselves.
 */
public final class EntraDiscovery {

    static final String LOGIN_HOST = "https://login.microsoftonline.com";
    private static final Set<String> META_TENANTS = Set.of("common", "organizations", "consumers");

    private final EmulatorState state;

    public EntraDiscovery(EmulatorState state) {
        this.state = state;
    }

    public void register(Router router) {
        router.get("/common/discovery/instance", this::instanceDiscovery)
                .get("/{tenant}/discovery/instance", this::instanceDiscovery)
                .get("/{tenant}/v2.0/.well-known/openid-configuration", this::openIdConfiguration)
                .get("/{tenant}/.well-known/openid-configuration", this::openIdConfiguration)
                .get("/{tenant}/discovery/v2.0/keys", r -> Response.ok(state.microsoftKey().jwks()))
                .get("/{tenant}/discovery/keys", r -> Response.ok(state.microsoftKey().jwks()));
    }

    private Response instanceDiscovery(Request request) {
        String tenant = tenantOf(request.queryParam("authorization_endpoint").orElse(""));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("preferred_network", "login.microsoftonline.com");
        entry.put("preferred_cache", "login.windows.net");
        entry.put("aliases", List.of("login.microsoftonline.com", "login.windows.net", "login.microsoft.com",
                "sts.windows.net"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant_discovery_endpoint", LOGIN_HOST + "/" + tenant + "/v2.0/.well-known/openid-configuration");
        body.put("api-version", "1.1");
        body.put("metadata", List.of(entry));
        return Response.ok(body);
    }

    /** {@code https://login.microsoftonline.com/<tenant>/oauth2/v2.0/authorize} → {@code <tenant>}. */
    private static String tenantOf(String authorizationEndpoint) {
        String path = authorizationEndpoint.replaceFirst("^[a-zA-Z]+://[^/]+/", "");
        int slash = path.indexOf('/');
        String tenant = slash > 0 ? path.substring(0, slash) : path;
        return tenant.isBlank() ? "common" : tenant;
    }

    private Response openIdConfiguration(Request request) {
        String tenant = request.pathVar("tenant");
        boolean meta = META_TENANTS.contains(tenant.toLowerCase(java.util.Locale.ROOT));
        if (!meta && state.directory().tenant(tenant).isEmpty()) {
            return EntraError.tenantNotFound(tenant).toResponse(request, state.clock().instant());
        }
        String issuerTenant = meta ? "{tenantid}" : tenant;
        String base = LOGIN_HOST + "/" + tenant;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("token_endpoint", base + "/oauth2/v2.0/token");
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "private_key_jwt",
                "client_secret_basic"));
        doc.put("jwks_uri", base + "/discovery/v2.0/keys");
        doc.put("response_modes_supported", List.of("query", "fragment", "form_post"));
        doc.put("subject_types_supported", List.of("pairwise"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("response_types_supported", List.of("code", "id_token", "code id_token", "id_token token"));
        doc.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
        doc.put("issuer", LOGIN_HOST + "/" + issuerTenant + "/v2.0");
        doc.put("request_uri_parameter_supported", false);
        doc.put("userinfo_endpoint", "https://graph.microsoft.com/oidc/userinfo");
        doc.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
        doc.put("device_authorization_endpoint", base + "/oauth2/v2.0/devicecode");
        doc.put("http_logout_supported", true);
        doc.put("frontchannel_logout_supported", true);
        doc.put("end_session_endpoint", base + "/oauth2/v2.0/logout");
        doc.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "acr", "nonce",
                "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email"));
        doc.put("tenant_region_scope", "NA");
        doc.put("cloud_instance_name", "microsoftonline.com");
        doc.put("cloud_graph_host_name", "graph.windows.net");
        doc.put("msgraph_host", "graph.microsoft.com");
        doc.put("rbac_url", "https://pas.windows.net");
        return Response.ok(doc);
    }
}
