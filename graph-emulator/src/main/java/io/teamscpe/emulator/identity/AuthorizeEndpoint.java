package io.teamscpe.emulator.identity;

import io.teamscpe.emulator.Scenario.App;
import io.teamscpe.emulator.Scenario.User;
import io.teamscpe.emulator.http.QueryString;
import io.teamscpe.emulator.http.Request;
import io.teamscpe.emulator.http.Response;
import io.teamscpe.emulator.http.Router;
import io.teamscpe.emulator.identity.DelegatedGrants.Grant;
import io.teamscpe.emulator.state.Directory.TenantView;
import io.teamscpe.emulator.state.EmulatorState;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /{tenant}/oauth2/v2.0/authorize}: the sign-in and consent pages, without pages. The user named by
 * {@code login_hint} (UPN or object id; default: the tenant's first user) signs in and consents at once, and the
 * browser is redirected to {@code redirect_uri} with {@code code} and {@code state}.
 */
public final class AuthorizeEndpoint {

    private final EmulatorState state;
    private final DelegatedGrants grants;

    public AuthorizeEndpoint(EmulatorState state, DelegatedGrants grants) {
        this.state = state;
        this.grants = grants;
    }

    public void register(Router router) {
        router.get("/{tenant}/oauth2/v2.0/authorize", this::authorize);
    }

    private Response authorize(Request request) {
        Instant now = state.clock().instant();
        Map<String, String> q = request.query();
        try {
            String clientId = q.get("client_id");
            if (clientId == null || clientId.isBlank()) {
                throw EntraError.missingParameter("client_id");
            }
            TenantView tenant = ClientAuthenticator.tenant(state.directory(), request.pathVar("tenant"), clientId);
            App app = ClientAuthenticator.app(tenant, clientId);
            String redirectUri = q.get("redirect_uri");
            if (redirectUri == null || (!app.redirectUris().isEmpty() && !app.redirectUris().contains(redirectUri))) {
                throw new EntraError(400, "invalid_request", 50011, "The redirect URI '" + redirectUri
                        + "' specified in the request does not match the redirect URIs configured for the"
                        + " application '" + clientId + "'.");
            }
            if (!"code".equals(q.get("response_type"))) {
                return redirect(redirectUri, q, Map.of("error", "unsupported_response_type",
                        "error_description", "AADSTS700054: response_type '" + q.get("response_type")
                                + "' is not enabled for the application; use response_type=code."));
            }
            User user = signedInUser(tenant, q.get("login_hint"));
            if (user == null) {
                return redirect(redirectUri, q, Map.of("error", "access_denied",
                        "error_description", "AADSTS50034: The user account does not exist in the directory."));
            }
            List<String> scopes = Arrays.stream(q.getOrDefault("scope", "").trim().split("\\s+"))
                    .filter(s -> !s.isEmpty()).map(AuthorizeEndpoint::shortScope).distinct().toList();
            Grant grant = new Grant(tenant.id(), app.clientId(), user.id(), scopes, redirectUri,
                    q.get("code_challenge"), q.getOrDefault("code_challenge_method", "plain"), q.get("nonce"), now);
            return redirect(redirectUri, q, Map.of("code", grants.issueCode(grant, now)));
        } catch (EntraError e) {
            return e.toResponse(request, now);
        }
    }

    /** {@code https://graph.microsoft.com/User.Read} → {@code User.Read}, as Entra reports granted scopes. */
    static String shortScope(String scope) {
        String graphPrefix = GraphTokens.GRAPH_AUDIENCE + "/";
        return scope.startsWith(graphPrefix) ? scope.substring(graphPrefix.length()) : scope;
    }

    private static User signedInUser(TenantView tenant, String loginHint) {
        if (loginHint != null && !loginHint.isBlank()) {
            return tenant.user(loginHint).orElse(null);
        }
        return tenant.users().isEmpty() ? null : tenant.users().get(0);
    }

    private static Response redirect(String redirectUri, Map<String, String> query, Map<String, String> params) {
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        params.forEach((k, v) -> location.append(k).append('=').append(QueryString.encode(v)).append('&'));
        if (query.get("state") != null) {
            location.append("state=").append(QueryString.encode(query.get("state"))).append('&');
        }
        location.append("session_state=").append("emulator-session");
        return Response.empty(302).withHeader("Location", location.toString());
    }
}
