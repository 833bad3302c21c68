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

    public TokenBroker(ProviderService providers, MicrosoftIdentity identity, EntityManager em) {
        this.providers = providers;
        this.identity = identity;
        this.em = em;
    }

    public BrokeredToken issue(TokenRequest request, String requestedBy) {
        UUID id = parse(request.providerId());
        Provider p = providers.get(request.firmId(), id);
        if (p.type == ProviderType.DELEGATED) {
            audit(p, request.organizerId(), requestedBy, "REFUSED_DELEGATED");
            throw new ProblemException(409, "organizer-sign-in-required", "Organizer sign-in required",
                    "Provider " + p.name + " is a delegated credential; its organizer must sign in before Teams CPE "
                            + "can read their meetings.");
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
