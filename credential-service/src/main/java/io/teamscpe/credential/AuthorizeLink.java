package io.teamscpe.credential;

import java.net.URI;
import java.time.Instant;

/** Where the organizer signs in; the link works once, until {@code expiresAt}. */
public record AuthorizeLink(URI url, Instant expiresAt) {
}
