package io.teamscpe.credential;

import java.net.URI;

/**
 * The seam to the identity platform a firm's credentials belong to: Graph tokens (application and the signed-in
 * organizer's), what a token may do, and the organizer's sign-in (consent). Microsoft Entra implements it today.
 */
public interface IdentityProvider {
    /** An application (client credentials) token; throws {@link Refused} saying what the admin must fix. */
    AccessToken applicationToken(Provider p, String secret);

    /**
     * What an application token may do: the permissions it carries and, with an organizer, access to their meetings.
     * The first problem found, or an ok diagnosis.
     */
    Diagnosis checkAccess(Provider p, AccessToken token, String organizerId);

    /**
     * A token of a delegated provider's signed-in organizer (cached or refreshed): throws {@link SignInLost} when
     * the organizer must sign in again, {@link Refused} for any other identity error.
     */
    AccessToken organizerToken(Provider p, String secret);

    /** Where the organizer's browser signs in and consents (authorization code with PKCE). */
    URI authorizeUrl(Provider p, URI redirectUri, String state, String codeChallenge);

    /** Redeems the code the organizer's browser brought back and reads who signed in; throws {@link SignInFailed}. */
    SignedIn redeem(Provider p, String secret, String code, URI redirectUri, String verifier);

    /** Forgets what is held in memory for a provider whose secret changed or which was deleted. */
    void forget(Provider p);

    /** The organizer who signed in: directory id, user principal name, display name, account id of the sign-in. */
    record SignedIn(String organizerId, String userPrincipalName, String displayName, String accountId) {
    }

    /** The identity platform refused a token; carries what to tell the admin. */
    final class Refused extends RuntimeException {
        private final transient Diagnosis diagnosis;

        public Refused(Diagnosis diagnosis) {
            super(diagnosis.message(), null, false, false);
            this.diagnosis = diagnosis;
        }

        public Diagnosis diagnosis() {
            return diagnosis;
        }
    }

    /** The organizer's sign-in is gone (revoked, expired, never cached): they must sign in again. */
    final class SignInLost extends RuntimeException {
        public SignInLost() {
            super("organizer sign-in lost", null, false, false);
        }
    }

    /**
     * An organizer sign-in that could not be completed: {@code reason} is the code the LMS shows; a diagnosis, when
     * present, is a credential problem to record on the provider for the admin.
     */
    final class SignInFailed extends RuntimeException {
        private final String reason;
        private final transient Diagnosis diagnosis;

        public SignInFailed(String reason, Diagnosis diagnosis, String detail) {
            super(detail == null ? reason : reason + " (" + detail + ")", null, false, false);
            this.reason = reason;
            this.diagnosis = diagnosis;
        }

        public String reason() {
            return reason;
        }

        public Diagnosis diagnosis() {
            return diagnosis;
        }
    }
}
