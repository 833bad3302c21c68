package io.teamscpe.credential.service;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalException;
import io.teamscpe.contracts.credential.ProviderType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamscpe.credential.Provider;
import io.teamscpe.credential.identity.Diagnosis;
import io.teamscpe.credential.identity.EntraErrors;
import io.teamscpe.credential.identity.MicrosoftIdentity;
import io.teamscpe.platform.graph.BrokeredToken;
import io.teamscpe.platform.graph.TokenRequest;
import io.teamscpe.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/**
 * Issues short-lived Graph tokens to the other services, so that no other service ever holds a secret. msal's
 * cache reuses a token until shortly before it expires. Every issue (and refusal) is audited; tokens are not.
 */
@ApplicationScoped
public class TokenBroker {
    private final ProviderService providers;
    private final MicrosoftIdentity identity;
    private final EntityManager em;
    private final OrganizerTokens organizerTokens;

    public TokenBroker(ProviderService providers, MicrosoftIdentity identity, EntityManager em,
                       OrganizerTokens organizerTokens) {
        this.providers = providers;
        this.identity = identity;
        this.em = em;
        this.organizerTokens = organizerTokens;
    }

    public BrokeredToken issue(TokenRequest request, String requestedBy) {
        UUID id = parse(request.providerId());
        Provider p = providers.get(request.firmId(), id);
        if (p.type == ProviderType.DELEGATED) {
            return issueDelegated(p, request, requestedBy);
        }
        if (request.organizerId() == null || request.organizerId().isBlank()) {
            throw ProblemException.badRequest("organizer-required", "Organizer required",
                    "An application credential acts for a meeting organizer: send organizerId.");
        }
        try {
            IAuthenticationResult token = identity.applicationToken(p, providers.secretOf(p));
            audit(p, request.organizerId(), requestedBy, "ISSUED");
            return new BrokeredToken(token.accessToken(), token.expiresOnDate().toInstant(), p.type.name(),
                    request.organizerId(), "users/" + request.organizerId());
        } catch (MsalException e) {
            Diagnosis why = EntraErrors.explain(e, p);
            audit(p, request.organizerId(), requestedBy, "FAILED_" + why.code());
            throw new ProblemException(424, "provider-unusable", "The provider cannot get a token",
                    why.message() + " " + String.join(" ", why.fix())).with("reason", why.code());
        }
    }

    /** A delegated provider acts only for its own signed-in organizer, on {@code /me}. */
    private BrokeredToken issueDelegated(Provider p, TokenRequest request, String requestedBy) {
        String wanted = request.organizerId() == null ? null : request.organizerId().trim();
        if (p.organizerId != null && wanted != null && !wanted.isEmpty() && !wanted.equalsIgnoreCase(p.organizerId)
                && !wanted.equalsIgnoreCase(p.organizerUpn)) {
            audit(p, wanted, requestedBy, "REFUSED_OTHER_ORGANIZER");
            throw new ProblemException(409, "organizer-mismatch", "Another organizer's meetings",
                    "Provider " + p.name + " is the delegated credential of " + p.organizerUpn + " and can only read "
                            + "their own meetings, not those of " + wanted + ". Use that organizer's delegated "
                            + "provider, or an application credential.");
        }
        try {
            IAuthenticationResult token = organizerTokens.acquire(p);
            audit(p, p.organizerId, requestedBy, "ISSUED");
            return new BrokeredToken(token.accessToken(), token.expiresOnDate().toInstant(), p.type.name(),
                    p.organizerId, "me");
        } catch (OrganizerTokens.SignInRequired e) {
            audit(p, wanted, requestedBy, "REFUSED_" + e.diagnosis().code());
            throw new ProblemException(409, "organizer-sign-in-required", "Organizer sign-in required",
                    "Provider " + p.name + " is a delegated credential: " + e.diagnosis().message() + " "
                            + String.join(" ", e.diagnosis().fix())).with("reason", e.diagnosis().code());
        } catch (MsalException e) {
            Diagnosis why = EntraErrors.explain(e, p);
            audit(p, wanted, requestedBy, "FAILED_" + why.code());
            throw new ProblemException(424, "provider-unusable", "The provider cannot get a token",
                    why.message() + " " + String.join(" ", why.fix())).with("reason", why.code());
        }
    }

    /** In its own transaction: a refusal is audited even though the request fails. */
    private void audit(Provider p, String organizerId, String requestedBy, String outcome) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into token_issue (firm_id, provider_id, organizer_id, requested_by, issued_at, outcome)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, p.firmId).setParameter(2, p.id).setParameter(3, organizerId)
                .setParameter(4, requestedBy).setParameter(5, Instant.now()).setParameter(6, outcome)
                .executeUpdate());
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Provider", id);
        }
    }
}
