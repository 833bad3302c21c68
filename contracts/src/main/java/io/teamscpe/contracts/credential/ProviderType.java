package io.teamscpe.contracts.credential;

/** The two kinds of Microsoft Teams provider credential. */
public enum ProviderType {
    /** One per firm: client credentials, Graph calls on {@code /users/{organizer}}. */
    APPLICATION,
    /** One per meeting organizer: authorization-code flow, Graph calls on {@code /me}. */
    DELEGATED
}
