package io.teamscpe.credential.service;

import io.teamscpe.contracts.credential.ProviderType;
import io.teamscpe.credential.Diagnosis;
import io.teamscpe.credential.IdentityProvider;
import io.teamscpe.credential.Provider;
import io.teamscpe.credential.ProviderChanges;
import io.teamscpe.credential.ProviderRegistration;
import io.teamscpe.credential.ProviderStatus;
import io.teamscpe.credential.crypto.SecretVault;
import io.teamscpe.credential.messaging.CredentialEvents;
import io.teamscpe.credential.store.OAuthStateStore;
import io.teamscpe.credential.store.ProviderStore;
import io.teamscpe.credential.store.TokenCacheStore;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.web.IfMatch;
import io.teamscpe.platform.web.Page;
import io.teamscpe.platform.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Registering, changing and recording the validation of provider credentials. */
@ApplicationScoped
public class ProviderService {
    private final SecretVault vault;
    private final CredentialEvents events;
    private final IdentityProvider identity;
    private final TokenCacheStore tokenCaches;
    private final OAuthStateStore signIns;
    private final ProviderStore store;

    public ProviderService(SecretVault vault, CredentialEvents events, IdentityProvider identity,
                           TokenCacheStore tokenCaches, OAuthStateStore signIns, ProviderStore store) {
        this.store = store;
        this.vault = vault;
        this.events = events;
        this.identity = identity;
        this.tokenCaches = tokenCaches;
        this.signIns = signIns;
    }

    @Transactional
    public Provider register(String firmId, ProviderRegistration request) {
        if (request.type() == ProviderType.APPLICATION && isBlank(request.tenantId())) {
            throw ProblemException.badRequest("tenant-id-required", "Tenant id required",
                    "An application credential needs the Directory (tenant) ID of its app registration.")
                    .with("errors", List.of(java.util.Map.of("field", "tenantId", "message", "must not be blank")));
        }
        Provider p = new Provider();
        p.id = UUID.randomUUID();
        p.firmId = firmId;
        p.type = request.type();
        p.name = request.name().trim();
        p.tenantId = isBlank(request.tenantId()) ? null : request.tenantId().trim();
        p.clientId = request.clientId().trim();
        p.secretExpiresOn = plausibleExpiry(request.secretExpiresOn());
        p.status = ProviderStatus.UNVALIDATED;
        p.createdAt = Instant.now();
        p.updatedAt = p.createdAt;
        setSecret(p, request.clientSecret());
        p.persist();
        events.registered(p);
        return p;
    }

    /** Entra secrets expire within two years of creation (at most 99 years in old tenants): 2000-2200 holds all. */
    static LocalDate plausibleExpiry(LocalDate expiresOn) {
        if (expiresOn != null && (expiresOn.getYear() < 2000 || expiresOn.getYear() > 2200)) {
            throw ProblemException.badRequest("implausible-secret-expiry", "Implausible expiry date",
                    "secretExpiresOn " + expiresOn + " is not a date an Entra client secret expires on; give the "
                            + "'Expires' date Entra shows for the secret (years 2000 to 2200).");
        }
        return expiresOn;
    }

    /** Applies the changes if the provider is still at the version {@code ifMatch} names (412 otherwise). */
    @Transactional
    public Provider update(String firmId, UUID id, ProviderChanges request, IfMatch ifMatch) {
        Provider p = locked(firmId, id, ifMatch);
        if (!isBlank(request.name())) {
            p.name = request.name().trim();
        }
        if (request.secretExpiresOn() != null) {
            p.secretExpiresOn = plausibleExpiry(request.secretExpiresOn());
        }
        if (!isBlank(request.clientSecret())) {
            identity.forget(p);
            setSecret(p, request.clientSecret());
            p.status = ProviderStatus.UNVALIDATED;
        }
        p.updatedAt = Instant.now();
        return p;
    }

    /**
     * Soft delete: the row stays for the audit trail, but the secret, the organizer's tokens and pending sign-ins
     * are wiped, and the provider disappears from every lookup.
     */
    @Transactional
    public void delete(String firmId, UUID id, IfMatch ifMatch) {
        Provider p = locked(firmId, id, ifMatch);
        identity.forget(p);
        tokenCaches.deleteInCurrentTransaction(p.id);
        signIns.deleteOfProvider(p.id);
        p.wipeSecret();
        p.deletedAt = Instant.now();
        p.updatedAt = p.deletedAt;
        events.deleted(p);
    }

    /** The organizer signed in: the provider now acts for them, and is valid. */
    @Transactional
    public Provider recordOrganizer(String firmId, UUID id, String organizerId, String upn, String displayName,
                                    String accountId) {
        Provider p = get(firmId, id);
        p.organizerId = organizerId;
        p.organizerUpn = upn;
        p.organizerName = displayName;
        p.organizerAccountId = accountId;
        return record(firmId, id, Diagnosis.valid("Signed in as " + displayName + " (" + upn + ")."));
    }

    /** One page of the firm's providers (deleted ones are gone). */
    @Transactional
    public Page<Provider> list(String firmId, PageRequest page) {
        return store.page(firmId, page);
    }

    @Transactional
    public Provider get(String firmId, UUID id) {
        return Provider.findInFirm(firmId, id)
                .orElseThrow(() -> ProblemException.notFound("Provider", id.toString()));
    }

    private static Provider locked(String firmId, UUID id, IfMatch ifMatch) {
        Provider p = Provider.lockInFirm(firmId, id)
                .orElseThrow(() -> ProblemException.notFound("Provider", id.toString()));
        ifMatch.require(p.etag(), "provider");
        return p;
    }

    @Transactional
    public Provider record(String firmId, UUID id, Diagnosis outcome) {
        Provider p = get(firmId, id);
        p.status = outcome.status();
        p.statusCode = outcome.code();
        p.statusDetail = outcome.message();
        p.lastValidatedAt = Instant.now();
        p.updatedAt = p.lastValidatedAt;
        events.validated(p, p.lastValidatedAt);
        return p;
    }

    /** The plaintext secret, for the identity platform only; never returned, logged or published. */
    public String secretOf(Provider p) {
        return vault.open(p.sealedSecret(), p.firmId, p.id.toString());
    }

    private void setSecret(Provider p, String secret) {
        String trimmed = secret.trim();
        p.secretHint = trimmed.length() <= 4 ? "****" : "…" + trimmed.substring(trimmed.length() - 4);
        p.seal(vault.seal(trimmed, p.firmId, p.id.toString()));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
