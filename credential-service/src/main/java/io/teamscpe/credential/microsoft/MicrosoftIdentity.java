package io.teamscpe.credential.microsoft;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalException;
import io.teamscpe.credential.Provider;
import io.teamscpe.platform.graph.RetargetingHttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.MalformedURLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Microsoft identity platform through msal4j. One msal application per provider (and secret version), so msal's
 * token cache serves repeated requests until shortly before expiry.
 */
@ApplicationScoped
public class MicrosoftIdentity {
    public static final String AUTHORITY_HOST = "https://login.microsoftonline.com";
    public static final Set<String> GRAPH_DEFAULT_SCOPE = Set.of("https://graph.microsoft.com/.default");

    private final RetargetingHttpClient http;
    private final Map<String, ConfidentialClientApplication> apps = new ConcurrentHashMap<>();

    public MicrosoftIdentity(@ConfigProperty(name = "teamscpe.identity.authority-host",
            defaultValue = AUTHORITY_HOST) String authorityHost) {
        this.http = new RetargetingHttpClient(authorityHost);
    }

    /** msal4j's HTTP client, re-targeted to the configured identity host. */
    RetargetingHttpClient http() {
        return http;
    }

    /** An application (client credentials) token for Graph; throws msal's exception with Entra's AADSTS code. */
    public IAuthenticationResult applicationToken(Provider provider, String secret) {
        ConfidentialClientApplication app = apps.computeIfAbsent(cacheKey(provider),
                key -> build(provider, secret));
        return await(app.acquireToken(ClientCredentialParameters.builder(GRAPH_DEFAULT_SCOPE).build()));
    }

    /** Waits for msal's future, rethrowing msal's own exception (with Entra's AADSTS code) rather than a wrapper. */
    static IAuthenticationResult await(CompletableFuture<IAuthenticationResult> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof MsalException msal) {
                throw msal;
            }
            throw e;
        }
    }

    /** Drops the cached msal application (and its tokens) of a provider whose secret changed or was deleted. */
    public void forget(Provider provider) {
        apps.keySet().removeIf(key -> key.startsWith(provider.id + ":"));
    }

    /** Changes whenever the secret is re-sealed (new IV), so a new secret never reuses the old msal cache. */
    private static String cacheKey(Provider provider) {
        return provider.id + ":" + java.util.Base64.getEncoder().encodeToString(provider.secretIv);
    }

    private ConfidentialClientApplication build(Provider provider, String secret) {
        try {
            return ConfidentialClientApplication
                    .builder(provider.clientId, ClientCredentialFactory.createFromSecret(secret))
                    .authority(AUTHORITY_HOST + "/" + provider.tenantId + "/")
                    .httpClient(http)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("tenant id '" + provider.tenantId + "' does not form a valid authority");
        }
    }
}
