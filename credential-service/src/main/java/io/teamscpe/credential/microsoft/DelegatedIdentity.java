package io.teamscpe.credential.microsoft;

import com.microsoft.aad.msal4j.AuthorizationCodeParameters;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.SilentParameters;
import io.teamscpe.credential.Provider;
import io.teamscpe.credential.store.TokenCacheStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organizer's side of a delegated provider through msal4j: redeeming the authorization code (with the PKCE
 * verifier) and later tokens silently from the refresh token in the provider's persisted token cache.
 */
@ApplicationScoped
public class DelegatedIdentity {
    /** The Graph permissions a delegated provider asks the organizer for (msal adds openid, profile, offline_access). */
    public static final Set<String> GRAPH_SCOPES = Set.of("Calendars.ReadWrite", "OnlineMeetingArtifact.Read.All",
            "OnlineMeetings.ReadWrite", "User.Read");
    /** The scope parameter of the authorize request, exactly as the app registration documents it. */
    public static final String AUTHORIZE_SCOPE =
            "Calendars.ReadWrite offline_access OnlineMeetingArtifact.Read.All OnlineMeetings.ReadWrite User.Read openid";

    private final MicrosoftIdentity identity;
    private final TokenCacheStore caches;
    private final Map<String, ConfidentialClientApplication> apps = new ConcurrentHashMap<>();

    public DelegatedIdentity(MicrosoftIdentity identity, TokenCacheStore caches) {
        this.identity = identity;
        this.caches = caches;
    }

    /** The tenant in the authority: the provider's, or {@code organizations} (any work account) when not given. */
    public static String authorityTenant(Provider p) {
        return p.tenantId == null || p.tenantId.isBlank() ? "organizations" : p.tenantId;
    }

    /** Redeems the code the organizer's browser brought back; msal stores the tokens in the provider's cache. */
    public IAuthenticationResult redeem(Provider p, String secret, String code, URI redirectUri, String verifier) {
        return MicrosoftIdentity.await(app(p, secret).acquireToken(AuthorizationCodeParameters
                .builder(code, redirectUri).scopes(GRAPH_SCOPES).codeVerifier(verifier).build()));
    }

    /**
     * A Graph token of the signed-in organizer, from the cache or refreshed with the refresh token. Throws msal's
     * {@code MsalInteractionRequiredException} ({@code invalid_grant}) when the organizer must sign in again, and
     * {@link MsalClientException} when no sign-in is cached.
     */
    public IAuthenticationResult silent(Provider p, String secret) {
        ConfidentialClientApplication app = app(p, secret);
        List<IAccount> accounts = app.getAccounts().join().stream()
                .filter(a -> p.organizerAccountId == null || p.organizerAccountId.equals(a.homeAccountId()))
                .toList();
        if (accounts.isEmpty()) {
            throw new MsalClientException("no signed-in organizer in the token cache", "no_account_found");
        }
        try {
            return MicrosoftIdentity.await(app.acquireTokenSilently(
                    SilentParameters.builder(GRAPH_SCOPES, accounts.get(0)).build()));
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("tenant id '" + p.tenantId + "' does not form a valid authority");
        }
    }

    /** Drops the in-memory msal application of a provider whose secret changed or which was deleted. */
    public void forget(Provider p) {
        apps.keySet().removeIf(key -> key.startsWith(p.id + ":"));
    }

    private ConfidentialClientApplication app(Provider p, String secret) {
        String key = p.id + ":" + Base64.getEncoder().encodeToString(p.secretIv);
        return apps.computeIfAbsent(key, k -> build(p, secret));
    }

    private ConfidentialClientApplication build(Provider p, String secret) {
        try {
            return ConfidentialClientApplication.builder(p.clientId, ClientCredentialFactory.createFromSecret(secret))
                    .authority(MicrosoftIdentity.AUTHORITY_HOST + "/" + authorityTenant(p) + "/")
                    .httpClient(identity.http())
                    .setTokenCacheAccessAspect(new ProviderTokenCache(caches, p.firmId, p.id))
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("tenant id '" + p.tenantId + "' does not form a valid authority");
        }
    }
}
