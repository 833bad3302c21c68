package io.teamscpe.credential.service;

import io.teamscpe.credential.AccessToken;
import io.teamscpe.credential.Diagnosis;
import io.teamscpe.credential.IdentityProvider;
import io.teamscpe.credential.Provider;
import io.teamscpe.credential.ProviderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Graph tokens of a delegated provider's signed-in organizer. When Microsoft no longer honours the sign-in
 * ({@code invalid_grant}: revoked, expired, password reset) the provider is set to NEEDS_CONSENT, with its event.
 */
@ApplicationScoped
public class OrganizerTokens {
    private final ProviderService providers;
    private final IdentityProvider identity;

    public OrganizerTokens(ProviderService providers, IdentityProvider identity) {
        this.providers = providers;
        this.identity = identity;
    }

    /** The organizer cannot be acted for until they sign in (again); carries what to tell the admin. */
    public static final class SignInRequired extends RuntimeException {
        private final transient Diagnosis diagnosis;

        SignInRequired(Diagnosis diagnosis) {
            super(diagnosis.message(), null, false, false);
            this.diagnosis = diagnosis;
        }

        public Diagnosis diagnosis() {
            return diagnosis;
        }
    }

    public static Diagnosis notSignedIn() {
        return new Diagnosis(ProviderStatus.NEEDS_CONSENT, "organizer-sign-in-required",
                "A delegated credential works once its meeting organizer signs in and consents.",
                List.of("Send the organizer the sign-in link; it works once and expires after a few minutes."));
    }

    static Diagnosis signInExpired(Provider p) {
        return new Diagnosis(ProviderStatus.NEEDS_CONSENT, "organizer-sign-in-expired",
                "Microsoft no longer accepts the sign-in of organizer " + p.organizerUpn + " (it was revoked or "
                        + "expired, e.g. after a password reset or an admin's 'revoke sessions').",
                List.of("Ask " + p.organizerUpn + " to sign in again with a new sign-in link for this provider."));
    }

    /**
     * A token, cached or refreshed. Throws {@link SignInRequired} (after recording NEEDS_CONSENT when the grant
     * died) or {@link IdentityProvider.Refused} for any other identity error.
     */
    public AccessToken acquire(Provider p) {
        return acquire(p, true);
    }

    private AccessToken acquire(Provider p, boolean recordLoss) {
        if (p.organizerId == null) {
            throw new SignInRequired(notSignedIn());
        }
        try {
            return identity.organizerToken(p, providers.secretOf(p));
        } catch (IdentityProvider.SignInLost e) {
            throw signInLost(p, recordLoss);
        }
    }

    /** For "validate", which records the outcome itself: the organizer's token works, or what is wrong. */
    public Diagnosis check(Provider p) {
        try {
            acquire(p, false);
            return Diagnosis.valid("Signed in as " + p.organizerName + " (" + p.organizerUpn + ").");
        } catch (SignInRequired e) {
            return e.diagnosis();
        } catch (IdentityProvider.Refused e) {
            return e.diagnosis();
        }
    }

    private SignInRequired signInLost(Provider p, boolean record) {
        Diagnosis why = signInExpired(p);
        if (record && p.status != ProviderStatus.NEEDS_CONSENT) {
            providers.record(p.firmId, p.id, why);
        }
        return new SignInRequired(why);
    }
}
