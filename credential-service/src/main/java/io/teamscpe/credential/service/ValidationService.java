package io.teamscpe.credential.service;

import io.teamscpe.contracts.credential.ProviderType;
import io.teamscpe.credential.AccessToken;
import io.teamscpe.credential.AuthorizeLink;
import io.teamscpe.credential.Diagnosis;
import io.teamscpe.credential.IdentityProvider;
import io.teamscpe.credential.Provider;
import io.teamscpe.credential.ProviderStatus;
import io.teamscpe.credential.ValidationOutcome;
import io.teamscpe.credential.config.CredentialConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * "Validate": proves a credential works end to end against Microsoft, and when it does not, says what to fix.
 * Network calls run outside any database transaction; only the outcome is recorded (with its event).
 */
@ApplicationScoped
public class ValidationService {
    private final ProviderService providers;
    private final IdentityProvider identity;
    private final CredentialConfig config;
    private final OrganizerTokens organizerTokens;
    private final ConsentFlow consent;
    private final Clock clock = Clock.systemUTC();

    public ValidationService(ProviderService providers, IdentityProvider identity, CredentialConfig config,
                             OrganizerTokens organizerTokens, ConsentFlow consent) {
        this.providers = providers;
        this.identity = identity;
        this.config = config;
        this.organizerTokens = organizerTokens;
        this.consent = consent;
    }

    /** Validates and records the outcome; a delegated provider that needs its organizer gets a sign-in link. */
    public ValidationOutcome validate(String firmId, UUID id, String organizerId) {
        Provider p = providers.get(firmId, id);
        Diagnosis outcome = diagnose(p, organizerId);
        AuthorizeLink link = null;
        if (p.type == ProviderType.DELEGATED && outcome.status() == ProviderStatus.NEEDS_CONSENT) {
            link = consent.start(firmId, id);
            List<String> fix = new ArrayList<>(outcome.fix());
            fix.add("The app registration " + p.clientId + " must list the redirect URI " + consent.redirectUri()
                    + " exactly (App registrations > Authentication > Web), or Microsoft refuses the sign-in "
                    + "with AADSTS50011.");
            outcome = new Diagnosis(outcome.status(), outcome.code(), outcome.message(), List.copyOf(fix));
        }
        return new ValidationOutcome(providers.record(firmId, id, outcome), outcome, link);
    }

    Diagnosis diagnose(Provider p, String organizerId) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (p.secretExpiresOn != null && p.secretExpiresOn.isBefore(today)) {
            return new Diagnosis(ProviderStatus.INVALID, "client-secret-expired",
                    "The client secret expired on " + p.secretExpiresOn + ".",
                    List.of("Create a new client secret in App registrations > " + p.clientId
                            + " > Certificates & secrets and update this provider with its Value and expiry date."));
        }
        if (p.type == ProviderType.DELEGATED) {
            Diagnosis signedIn = organizerTokens.check(p);
            return signedIn.ok() ? expiring(p, today).orElse(signedIn) : signedIn;
        }
        AccessToken token;
        try {
            token = identity.applicationToken(p, providers.secretOf(p));
        } catch (IdentityProvider.Refused e) {
            return e.diagnosis();
        }
        Diagnosis access = identity.checkAccess(p, token,
                organizerId == null || organizerId.isBlank() ? null : organizerId.trim());
        if (!access.ok()) {
            return access;
        }
        return expiring(p, today).orElse(Diagnosis.valid(organizerId == null || organizerId.isBlank()
                ? "Token issued with the required Graph permissions."
                : "Token issued with the required Graph permissions; the organizer's meetings are readable."));
    }

    private Optional<Diagnosis> expiring(Provider p, LocalDate today) {
        if (p.secretExpiresOn != null && !p.secretExpiresOn.isAfter(today.plusDays(config.expiryWarningDays()))) {
            return Optional.of(new Diagnosis(ProviderStatus.EXPIRING, "client-secret-expiring",
                    "The credential works, but its client secret expires on " + p.secretExpiresOn + ".",
                    List.of("Create a new client secret (Microsoft recommends 24 months) before " + p.secretExpiresOn
                            + " and update this provider with its Value and expiry date.")));
        }
        return Optional.empty();
    }
}
