package io.teamscpe.credential;

/** A recorded validation: the provider, what was found, and ({@code authorizeLink}) the organizer's sign-in link. */
public record ValidationOutcome(Provider provider, Diagnosis diagnosis, AuthorizeLink authorizeLink) {
}
