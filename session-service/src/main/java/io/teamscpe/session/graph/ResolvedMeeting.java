package io.teamscpe.session.graph;

import java.time.Instant;

/**
 * The Graph online meeting a Join URL resolved to.
 *
 * @param providerType APPLICATION or DELEGATED, as the token broker reported the provider
 */
public record ResolvedMeeting(String meetingId, String organizerId, Instant start, Instant end, String subject,
                             String providerType) {
}
