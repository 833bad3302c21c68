package io.teamscpe.credential.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamscpe.contracts.credential.ProviderType;
import io.teamscpe.credential.AccessToken;
import io.teamscpe.credential.Diagnosis;
import io.teamscpe.credential.IdentityProvider;
import io.teamscpe.credential.Provider;
import io.teamscpe.credential.TokenIssueOutcome;
import io.teamscpe.credential.store.ProviderStore;
import io.teamscpe.platform.graph.BrokeredToken;
import io.teamscpe.platform.graph.TokenRequest;
import io.teamscpe.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Issues short-lived Graph tokens to the other services, so that no other service ever holds a secret. The identity
 * provider's cache reuses a token until shortly before it expires. Every issue (and refusal) is audited; tokens are
 * not.
 */
@ApplicationScoped
public class TokenBroker {
    private final ProviderService providers;
    private final IdentityProvider identity;
    private final ProviderStore store;
    private final OrganizerTokens organizerTokens;

    public TokenBroker(ProviderService providers, IdentityProvider identity, ProviderStore store,
                       OrganizerTokens organizerTokens) {
        this.providers = providers;
        this.identity = identity;
        this.store = store;
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
            AccessToken token = identity.applicationToken(p, providers.secretOf(p));
            audit(p, request.organizerId(), requestedBy, TokenIssueOutcome.issued());
            return new BrokeredToken(token.value(), token.expiresAt(), p.type.name(),
                    request.organizerId(), "users/" + request.organizerId());
        } catch (IdentityProvider.Refused e) {
            throw failed(p, request.organizerId(), requestedBy, e.diagnosis());
        }
    }

    /** A delegated provider acts only for its own signed-in organizer, on {@code /me}. */
    private BrokeredToken issueDelegated(Provider p, TokenRequest request, String requestedBy) {
        String wanted = request.organizerId() == null ? null : request.organizerId().trim();
        if (p.organizerId != null && wanted != null && !wanted.isEmpty() && !wanted.equalsIgnoreCase(p.organizerId)
                && !wanted.equalsIgnoreCase(p.organizerUpn)) {
            audit(p, wanted, requestedBy, TokenIssueOutcome.refused("OTHER_ORGANIZER"));
            throw new ProblemException(409, "organizer-mismatch", "Another organizer's meetings",
                    "Provider " + p.name + " is the delegated credential of " + p.organizerUpn + " and can only read "
                            + "their own meetings, not those of " + wanted + ". Use that organizer's delegated "
                            + "provider, or an application credential.");
        }
        try {
            AccessToken token = organizerTokens.acquire(p);
            audit(p, p.organizerId, requestedBy, TokenIssueOutcome.issued());
            return new BrokeredToken(token.value(), token.expiresAt(), p.type.name(), p.organizerId, "me");
        } catch (OrganizerTokens.SignInRequired e) {
            audit(p, wanted, requestedBy, TokenIssueOutcome.refused(e.diagnosis().code()));
            throw new ProblemException(409, "organizer-sign-in-required", "Organizer sign-in required",
                    "Provider " + p.name + " is a delegated credential: " + e.diagnosis().message() + " "
                            + String.join(" ", e.diagnosis().fix())).with("reason", e.diagnosis().code());
        } catch (IdentityProvider.Refused e) {
            throw failed(p, wanted, requestedBy, e.diagnosis());
        }
    }

    private ProblemException failed(Provider p, String organizerId, String requestedBy, Diagnosis why) {
        audit(p, organizerId, requestedBy, TokenIssueOutcome.failed(why.code()));
        return why.unusable();
    }

    /** In its own transaction: a refusal is audited even though the request fails. */
    private void audit(Provider p, String organizerId, String requestedBy, TokenIssueOutcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> store.recordTokenIssue(p, organizerId, requestedBy, outcome));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Provider", id);
        }
    }
}
