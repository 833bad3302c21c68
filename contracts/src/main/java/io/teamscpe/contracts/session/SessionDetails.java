package io.teamscpe.contracts.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a session is, as the other services need it: the Teams meeting it resolved to and the credit window.
 *
 * @param providerId  the credential whose tokens read the meeting
 * @param organizerId the organizer's Entra object id (Graph calls go to /users/{organizerId})
 * @param meetingId   Graph's online meeting id
 * @param timeZone    IANA zone, for display and for reading poll exports
 */
public record SessionDetails(String title, String providerId, String organizerId, String meetingId, String joinUrl,
                             Instant scheduledStart, Instant scheduledEnd, String timeZone, BigDecimal maxCredits,
                             List<String> fieldsOfStudy, String deliveryMethod, String rulesetId,
                             Integer rulesetVersion) {
}
