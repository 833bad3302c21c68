package io.teamscpe.credential.service;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.MsalServiceException;
import io.teamscpe.credential.Provider;
import io.teamscpe.credential.ProviderStatus;
import io.teamscpe.credential.identity.DelegatedIdentity;
import io.teamscpe.credential.identity.Diagnosis;
import io.teamscpe.credential.identity.EntraErrors;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Graph tokens of a delegated provider's signed-in organizer. When Microsoft no longer honours the sign-in
 * ({@code invalid_grant}: revoked, expired, password reset) the provider is set to NEEDS_CONSENT, with its event.
 */
@ApplicationScoped
public class OrganizerTokens {
    private final ProviderService providers;
    private final DelegatedIdentity identity;

    public OrganizerTokens(ProviderService providers, DelegatedIdentity identity) {
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
     * A token, from msal's cache or refreshed. Throws {@link SignInRequired} (after recording NEEDS_CONSENT when
     * the grant died) or msal's exception for any other identity error.
     */
    public IAuthenticationResult acquire(Provider p) {
        return acquire(p, true);
    }

    private IAuthenticationResult acquire(Provider p, boolean recordLoss) {
        if (p.organizerId == null) {
            throw new SignInRequired(notSignedIn());
        }
        try {
            return identity.silent(p, providers.secretOf(p));
        } catch (MsalInteractionRequiredException | MsalClientException e) {
            throw signInLost(p, recordLoss);
        } catch (MsalServiceException e) {
            if ("invalid_grant".equals(e.errorCode())) {
                throw signInLost(p, recordLoss);
            }
            throw e;
        }
    }

    /** For "validate", which records the outcome itself: the organizer's token works, or what is wrong. */
    public Diagnosis check(Provider p) {
        try {
            acquire(p, false);
            return Diagnosis.valid("Signed in as " + p.organizerName + " (" + p.organizerUpn + ").");
        } catch (SignInRequired e) {
            return e.diagnosis();
        } catch (MsalException e) {
            return EntraErrors.explain(e, p);
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
