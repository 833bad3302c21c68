package io.teamscpe.emulator.identity;

import io.teamscpe.emulator.Scenario.App;
import io.teamscpe.emulator.Scenario.Secret;
import io.teamscpe.emulator.http.Request;
import io.teamscpe.emulator.state.Directory;
import io.teamscpe.emulator.state.Directory.TenantView;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the tenant and app registration of a token request and checks its client secret (sent in the body,
 * {@code client_secret_post}, or in a Basic header, {@code client_secret_basic}), in Entra's order and words.
 */
final class ClientAuthenticator {

    private static final Set<String> META_TENANTS = Set.of("common", "organizations");

    private ClientAuthenticator() {
    }

    /**
     * The tenant named in the path; for {@code common} and {@code organizations} the tenant where the client is
     * registered (the emulator's stand-in for the signed-in user's home tenant).
     */
    static TenantView tenant(Directory directory, String tenantId, String clientId) {
        if (META_TENANTS.contains(tenantId.toLowerCase(Locale.ROOT)) && clientId != null) {
            return directory.tenants().stream().filter(t -> t.app(clientId).isPresent()).findFirst()
                    .orElseThrow(() -> EntraError.tenantNotFound(tenantId));
        }
        return directory.tenant(tenantId).orElseThrow(() -> EntraError.tenantNotFound(tenantId));
    }

    static App app(TenantView tenant, String clientId) {
        return tenant.app(clientId).orElseThrow(() -> appNotFound(clientId, tenant));
    }

    /** The client id from the body or the Basic header. */
    static String clientId(Map<String, String> form, Request request) {
        return nonBlank(form.get("client_id")).orElse(request.basicCredentials().map(b -> b[0]).orElse(null));
    }

    static AuthenticatedClient authenticate(TenantView tenant, Map<String, String> form, Request request,
                                            Instant now) {
        Optional<String[]> basic = request.basicCredentials();
        String clientId = clientId(form, request);
        if (clientId == null) {
            throw EntraError.missingParameter("client_id");
        }
        App app = app(tenant, clientId);
        String secret = nonBlank(form.get("client_secret")).orElse(basic.map(b -> b[1]).orElse(null));
        if (secret == null || secret.isEmpty()) {
            throw new EntraError(401, "invalid_client", 7000218,
                    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
        }
        Secret match = app.secrets().stream().filter(s -> secret.equals(s.value())).findFirst()
                .orElseThrow(() -> new EntraError(401, "invalid_client", 7000215, "Invalid client secret provided."
                        + " Ensure the secret being sent in the request is the client secret value, not the client"
                        + " secret ID, for a secret added to app '" + app.clientId() + "'."));
        if (match.expires() != null && !now.isBefore(match.expires())) {
            throw new EntraError(401, "invalid_client", 7000222, "The provided client secret keys for app '"
                    + app.clientId() + "' are expired. Visit the Azure portal to create new keys for your app:"
                    + " https://aka.ms/NewClientSecret, or consider using certificate credentials for added"
                    + " security: https://aka.ms/certCreds.");
        }
        return new AuthenticatedClient(tenant, app);
    }

    private static EntraError appNotFound(String clientId, TenantView tenant) {
        String directoryName = tenant.tenant().displayName() == null ? tenant.id() : tenant.tenant().displayName();
        return new EntraError(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
                + "' was not found in the directory '" + directoryName + "'. This can happen if the application has"
                + " not been installed by the administrator of the tenant or consented to by any user in the tenant."
                + " You may have sent your authentication request to the wrong tenant.");
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
