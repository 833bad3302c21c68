package io.teamscpe.credential.service;

import io.teamscpe.credential.AuthorizeLink;
import io.teamscpe.credential.IdentityProvider;
import io.teamscpe.credential.IdentityProvider.SignedIn;
import io.teamscpe.credential.Provider;
import io.teamscpe.credential.config.CredentialConfig;
import io.teamscpe.credential.crypto.TamperedSecretException;
import io.teamscpe.credential.service.OAuthStates.Consumed;
import io.teamscpe.credential.service.OAuthStates.Refused;
import io.teamscpe.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The organizer sign-in of a delegated provider (OAuth 2.0 authorization code with PKCE and state): starts it with
 * the identity provider's authorize URL, and on the callback checks the state, redeems the code, records the
 * organizer who signed in and sends the browser to the LMS outcome page. Network calls run outside database
 * transactions.
 */
@ApplicationScoped
public class ConsentFlow {
    public static final String CALLBACK_PATH = "/webcast_credential_proxy_in/MicrosoftTeamsUtility/";
    private static final Logger LOG = Logger.getLogger(ConsentFlow.class);

    private final CredentialConfig config;
    private final OAuthStates states;
    private final ProviderService providers;
    private final IdentityProvider identity;

    public ConsentFlow(CredentialConfig config, OAuthStates states, ProviderService providers,
                       IdentityProvider identity) {
        this.config = config;
        this.states = states;
        this.providers = providers;
        this.identity = identity;
    }

    public URI redirectUri() {
        return URI.create(stripSlash(config.siteBaseUrl()) + CALLBACK_PATH);
    }

    @Transactional
    public AuthorizeLink start(String firmId, UUID providerId) {
        Provider p = providers.get(firmId, providerId);
        OAuthStates.Started started = states.start(firmId, p.id);
        URI url = identity.authorizeUrl(p, redirectUri(), started.state(), started.codeChallenge());
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
            SignedIn who = identity.redeem(p, providers.secretOf(p), code, redirectUri(), consumed.verifier());
            providers.recordOrganizer(consumed.firmId(), providerId, who.organizerId(), who.userPrincipalName(),
                    who.displayName(), who.accountId());
            return outcome(providerId, "connected", null);
        } catch (IdentityProvider.SignInFailed e) {
            if (e.diagnosis() != null) {
                providers.record(p.firmId, p.id, e.diagnosis()); // a secret problem: the admin sees it too
            }
            LOG.infof("organizer sign-in of provider %s failed: %s", providerId, e.getMessage());
            return outcome(providerId, "error", e.reason());
        } catch (TamperedSecretException e) {
            LOG.errorf("organizer sign-in of provider %s: %s", providerId, e.getMessage());
            return outcome(providerId, "error", "secret-unreadable");
        }
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
