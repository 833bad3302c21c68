package io.teamscpe.emulator.idp;

import io.teamscpe.emulator.http.Request;
import io.teamscpe.emulator.http.Response;
import io.teamscpe.emulator.http.Router;
import io.teamscpe.emulator.state.EmulatorState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The firm's own OpenID Connect provider, the one Teams CPE's REST API trusts: discovery document, JWKS and a
 * token endpoint that grants client credentials to the built-in clients (the services' client, the operator's).
 */
public final class FirmIdp {

    /** A built-in confidential client: its client-credentials tokens carry these roles. */
    public record Client(String id, String secret, List<String> roles) {
        public Client {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(secret, "secret");
            roles = List.copyOf(roles);
        }
    }

    private final EmulatorState state;
    private final IdpTokens tokens;
    private final String segment;
    private final Map<String, Client> clients = new LinkedHashMap<>();

    /** Only the service client (role {@code cpe-service}). */
    public FirmIdp(EmulatorState state, IdpTokens tokens, String segment, String serviceClientId,
                   String serviceClientSecret) {
        this(state, tokens, segment, List.of(new Client(serviceClientId, serviceClientSecret,
                List.of(IdpTokens.SERVICE_ROLE))));
    }

    public FirmIdp(EmulatorState state, IdpTokens tokens, String segment, List<Client> clients) {
        this.state = state;
        this.tokens = tokens;
        this.segment = segment;
        clients.forEach(c -> this.clients.put(c.id(), c));
    }

    public void register(Router router) {
        router.get("/" + segment + "/v2.0/.well-known/openid-configuration", this::configuration)
                .get("/" + segment + "/.well-known/openid-configuration", this::configuration)
                .get("/" + segment + "/discovery/v2.0/keys", r -> Response.ok(state.idpKey().jwks()))
                .post("/" + segment + "/oauth2/v2.0/token", this::token);
    }

    private Response configuration(Request request) {
        String base = state.baseUrl() + "/" + segment;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", tokens.issuer());
        doc.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
        doc.put("token_endpoint", base + "/oauth2/v2.0/token");
        doc.put("jwks_uri", base + "/discovery/v2.0/keys");
        doc.put("response_types_supported", List.of("code", "token", "id_token"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("grant_types_supported", List.of("client_credentials"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        doc.put("scopes_supported", List.of("openid", "profile", "email"));
        doc.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "jti", "azp", "name", "email",
                "preferred_username", "roles", "firm_id"));
        return Response.ok(doc);
    }

    private Response token(Request request) {
        Map<String, String> form = request.form();
        String[] basic = request.basicCredentials().orElse(null);
        String clientId = basic != null ? basic[0] : form.get("client_id");
        String secret = basic != null ? basic[1] : form.get("client_secret");
        Client client = clientId == null ? null : clients.get(clientId);
        if (client == null || !constantTimeEquals(client.secret(), secret)) {
            return Response.json(401, Map.of("error", "invalid_client",
                    "error_description", "Unknown client or wrong client secret."))
                    .withHeader("WWW-Authenticate", "Basic realm=\"" + segment + "\"");
        }
        String grantType = form.getOrDefault("grant_type", "");
        if (!"client_credentials".equals(grantType)) {
            return Response.json(400, Map.of("error", "unsupported_grant_type",
                    "error_description", "Only client_credentials is supported, got '" + grantType + "'."));
        }
        return Response.ok(IdpTokens.tokenResponse(tokens.clientToken(client.id(), client.roles())))
                .withHeader("Cache-Control", "no-store");
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }
}
