package io.teamscpe.credential;

/** Where a credential stands after its last validation. */
public enum ProviderStatus {
    /** Registered, not validated yet. */
    UNVALIDATED,
    VALID,
    /** Valid, but the secret expires within the warning window: renew it. */
    EXPIRING,
    /** The organizer must sign in (delegated) or an admin must consent. */
    NEEDS_CONSENT,
    INVALID
}
