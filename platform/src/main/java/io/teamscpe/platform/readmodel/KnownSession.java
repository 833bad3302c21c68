package io.teamscpe.platform.readmodel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A session as a consumer of cpe.sessions.v1 knows it: the details of its highest revision. Sessions adopted from a
 * service's pre-platform table may lack the columns that service did not keep (null) until their next event.
 */
public record KnownSession(String sessionId, String firmId, String title, String providerId, String organizerId,
                           String meetingId, Instant scheduledStart, Instant scheduledEnd, String timeZone,
                           BigDecimal maxCredits, List<String> fieldsOfStudy, String deliveryMethod,
                           String rulesetId, Integer rulesetVersion, int revision, boolean cancelled) {
}
