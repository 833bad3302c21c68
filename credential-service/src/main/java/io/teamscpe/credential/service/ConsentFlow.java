package io.teamscpe.credential.service;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.graph.models.User;
import com.microsoft.kiota.ApiException;
import io.teamscpe.credential.Provider;
import io.teamscpe.credential.config.CredentialConfig;
import io.teamscpe.credential.crypto.TamperedSecretException;
import io.teamscpe.credential.identity.DelegatedIdentity;
import io.teamscpe.credential.identity.Diagnosis;
import io.teamscpe.credential.identity.EntraErrors;
import io.teamscpe.credential.identity.MicrosoftIdentity;
import io.teamscpe.credential.service.OAuthStates.Consumed;
import io.teamscpe.credential.service.OAuthStates.Refused;
import io.teamscpe.platform.graph.GraphClients;
import io.teamscpe.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The organizer sign-in of a delegated provider (OAuth 2.0 authorization code with PKCE and state): builds the
 * Microsoft authorize URL, and on the callback checks the state, redeems the code, records the organizer from
 * {@code /me} and sends the browser to the LMS outcome page. Network calls run outside database transactions.
 */
@ApplicationScoped
public class ConsentFlow {
    public static final String CALLBACK_PATH = "/webcast_credential_proxy_in/MicrosoftTeamsUtility/";
    private static final Logger LOG = Logger.getLogger(ConsentFlow.class);

    private final CredentialConfig config;
    private final OAuthStates states;
    private final ProviderService providers;
    private final DelegatedIdentity identity;
    private final GraphClients graph;

    public ConsentFlow(CredentialConfig config, OAuthStates states, ProviderService providers,
                       DelegatedIdentity identity, GraphClients graph) {
        this.config = config;
        this.states = states;
        this.providers = providers;
        this.identity = identity;
        this.graph = graph;
    }

    /** Where the organizer signs in; the link works once, until {@code expiresAt}. */
    public record AuthorizeLink(URI url, Instant expiresAt) {
    }

    public URI redirectUri() {
        return URI.create(stripSlash(config.siteBaseUrl()) + CALLBACK_PATH);
    }

    @Transactional
    public AuthorizeLink start(String firmId, UUID providerId) {
        Provider p = providers.get(firmId, providerId);
        OAuthStates.Started started = states.start(firmId, p.id);
        URI url = UriBuilder.fromUri(MicrosoftIdentity.AUTHORITY_HOST)
                .path(DelegatedIdentity.authorityTenant(p)).path("oauth2/v2.0/authorize")
                .queryParam("client_id", p.clientId)
                .queryParam("response_type", "code")
                .queryParam("redirect_uri", redirectUri())
                .queryParam("response_mode", "query")
                .queryParam("scope", DelegatedIdentity.AUTHORIZE_SCOPE)
                .queryParam("state", started.state())
                .queryParam("code_challenge", started.codeChallenge())
                .queryParam("code_challenge_method", "S256")
                .build();
        return new AuthorizeLink(url, started.expiresAt());
    }

    /** The callback: always a redirect to the LMS outcome page, never an error page or a stack trace. */
    public URI complete(String code, String state, String error) {
        Consumed consumed;
        try {
            consumed = states.consume(state);
        } catch (Refused e) {
            LOG.infof("organizer sign-in refused: %s (provider %s)", e.reason(), e.providerId());
            return outcome(e.providerId(), "error", e.reason());
        } catch (TamperedSecretException e) {
            LOG.warnf("organizer sign-in refused: %s", e.getMessage());
            return outcome(null, "error", "state-unknown");
        }
        UUID providerId = consumed.providerId();
        if (error != null && !error.isBlank()) {
            LOG.infof("organizer sign-in of provider %s ended at Microsoft with %s", providerId, error);
            return outcome(providerId, "error", "access_denied".equals(error) ? "consent-denied" : "sign-in-failed");
        }
        if (code == null || code.isBlank()) {
            return outcome(providerId, "error", "code-missing");
        }
        Provider p;
        try {
            p = providers.get(consumed.firmId(), providerId);
        } catch (ProblemException e) {
            return outcome(providerId, "error", "provider-not-found");
        }
        try {
            IAuthenticationResult tokens = identity.redeem(p, providers.secretOf(p), code, redirectUri(),
                    consumed.verifier());
            User me = graph.withToken(tokens.accessToken()).me().get();
            providers.recordOrganizer(consumed.firmId(), providerId, me.getId(), me.getUserPrincipalName(),
                    me.getDisplayName(), tokens.account().homeAccountId());
            return outcome(providerId, "connected", null);
        } catch (MsalException e) {
            String reason = redemptionFailure(e, p);
            LOG.infof("organizer sign-in of provider %s failed: %s", providerId, reason);
            return outcome(providerId, "error", reason);
        } catch (ApiException e) {
            LOG.infof("organizer sign-in of provider %s: Graph /me answered %d", providerId,
                    e.getResponseStatusCode());
            return outcome(providerId, "error", "profile-unreadable");
        } catch (TamperedSecretException e) {
            LOG.errorf("organizer sign-in of provider %s: %s", providerId, e.getMessage());
            return outcome(providerId, "error", "secret-unreadable");
        }
    }

    /** Reason codes for the LMS; a secret problem is also recorded on the provider for the admin. */
    private String redemptionFailure(MsalException e, Provider p) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("AADSTS50148") || message.contains("AADSTS501481")) {
            return "pkce-mismatch";
        }
        if (message.contains("AADSTS70008") || message.contains("AADSTS54005")) {
            return "code-expired";
        }
        if (message.contains("AADSTS500112") || message.contains("AADSTS50011")) {
            return "redirect-uri-mismatch";
        }
        Diagnosis why = EntraErrors.explain(e, p);
        if (!"identity-error".equals(why.code())) {
            providers.record(p.firmId, p.id, why);
            return why.code();
        }
        return "sign-in-failed";
    }

    private URI outcome(UUID providerId, String outcome, String reason) {
        UriBuilder uri = UriBuilder.fromUri(config.lmsOutcomeUrl());
        if (providerId != null) {
            uri.queryParam("provider", providerId);
        }
        uri.queryParam("outcome", outcome);
        if (reason != null) {
            uri.queryParam("reason", reason);
        }
        return uri.build();
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
