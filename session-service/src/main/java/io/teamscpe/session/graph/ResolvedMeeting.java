package io.teamscpe.session.graph;

import java.time.Instant;

/** The Graph online meeting a Join URL resolved to. */
public record ResolvedMeeting(String meetingId, String organizerId, Instant start, Instant end, String subject) {
}
