package io.teamscpe.credential.microsoft;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.graph.models.User;
import com.microsoft.kiota.ApiException;
import io.teamscpe.credential.AccessToken;
import io.teamscpe.credential.Diagnosis;
import io.teamscpe.credential.IdentityProvider;
import io.teamscpe.credential.Provider;
import io.teamscpe.platform.graph.GraphClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;

/**
 * Microsoft Entra ID as the identity provider: msal4j for application and organizer tokens, the application's Graph
 * permissions and Teams application access policy as what a token may do, Graph {@code /me} for who signed in.
 */
@ApplicationScoped
public class EntraIdentityProvider implements IdentityProvider {
    private final MicrosoftIdentity application;
    private final DelegatedIdentity delegated;
    private final AccessPolicyCheck accessPolicy;
    private final GraphClients graph;
    private final ObjectMapper json;

    public EntraIdentityProvider(MicrosoftIdentity application, DelegatedIdentity delegated,
                                 AccessPolicyCheck accessPolicy, GraphClients graph, ObjectMapper json) {
        this.application = application;
        this.delegated = delegated;
        this.accessPolicy = accessPolicy;
        this.graph = graph;
        this.json = json;
    }

    @Override
    public AccessToken applicationToken(Provider p, String secret) {
        try {
            return token(application.applicationToken(p, secret));
        } catch (MsalException e) {
            throw new Refused(EntraErrors.explain(e, p));
        }
    }

    @Override
    public Diagnosis checkAccess(Provider p, AccessToken token, String organizerId) {
        Diagnosis permissions = GraphPermissions.check(token.value(), p, json);
        if (!permissions.ok() || organizerId == null) {
            return permissions;
        }
        return accessPolicy.check(token.value(), p, organizerId);
    }

    @Override
    public AccessToken organizerToken(Provider p, String secret) {
        try {
            return token(delegated.silent(p, secret));
        } catch (MsalInteractionRequiredException | MsalClientException e) {
            throw new SignInLost();
        } catch (MsalServiceException e) {
            if ("invalid_grant".equals(e.errorCode())) {
                throw new SignInLost();
            }
            throw new Refused(EntraErrors.explain(e, p));
        } catch (MsalException e) {
            throw new Refused(EntraErrors.explain(e, p));
        }
    }

    @Override
    public URI authorizeUrl(Provider p, URI redirectUri, String state, String codeChallenge) {
        return UriBuilder.fromUri(MicrosoftIdentity.AUTHORITY_HOST)
                .path(DelegatedIdentity.authorityTenant(p)).path("oauth2/v2.0/authorize")
                .queryParam("client_id", p.clientId)
                .queryParam("response_type", "code")
                .queryParam("redirect_uri", redirectUri)
                .queryParam("response_mode", "query")
                .queryParam("scope", DelegatedIdentity.AUTHORIZE_SCOPE)
                .queryParam("state", state)
                .queryParam("code_challenge", codeChallenge)
                .queryParam("code_challenge_method", "S256")
                .build();
    }

    @Override
    public SignedIn redeem(Provider p, String secret, String code, URI redirectUri, String verifier) {
        try {
            IAuthenticationResult tokens = delegated.redeem(p, secret, code, redirectUri, verifier);
            User me = graph.withToken(tokens.accessToken()).me().get();
            return new SignedIn(me.getId(), me.getUserPrincipalName(), me.getDisplayName(),
                    tokens.account().homeAccountId());
        } catch (MsalException e) {
            throw redemptionFailure(e, p);
        } catch (ApiException e) {
            throw new SignInFailed("profile-unreadable", null, "Graph /me answered " + e.getResponseStatusCode());
        }
    }

    /** Reason codes for the LMS; a secret problem also carries its diagnosis, to be recorded for the admin. */
    private static SignInFailed redemptionFailure(MsalException e, Provider p) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("AADSTS50148") || message.contains("AADSTS501481")) {
            return new SignInFailed("pkce-mismatch", null, null);
        }
        if (message.contains("AADSTS70008") || message.contains("AADSTS54005")) {
            return new SignInFailed("code-expired", null, null);
        }
        if (message.contains("AADSTS500112") || message.contains("AADSTS50011")) {
            return new SignInFailed("redirect-uri-mismatch", null, null);
        }
        Diagnosis why = EntraErrors.explain(e, p);
        if (!"identity-error".equals(why.code())) {
            return new SignInFailed(why.code(), why, null);
        }
        return new SignInFailed("sign-in-failed", null, null);
    }

    @Override
    public void forget(Provider p) {
        application.forget(p);
        delegated.forget(p);
    }

    private static AccessToken token(IAuthenticationResult result) {
        return new AccessToken(result.accessToken(), result.expiresOnDate().toInstant());
    }
}
