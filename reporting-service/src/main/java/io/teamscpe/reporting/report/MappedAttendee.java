package io.teamscpe.reporting.report;

import java.time.Instant;

/** An attendee whose attendance counts for the professional of the row because an administrator mapped it. */
public record MappedAttendee(String participantKey, String displayName, String email,
                             MappingMethod method, String mappedBy, Instant mappedAt) {
}
