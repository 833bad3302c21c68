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
 * @param maxCredits  the first credit type's maximum (kept for consumers written before credit types)
 * @param rulesetId   the first credit type's ruleset (likewise)
 * @param creditTypes every credit type the session awards, in the administrator's order; absent in events
 *                    published before credit types existed (then {@link #effectiveCreditTypes()} makes one, CPE)
 */
public record SessionDetails(String title, String providerId, String organizerId, String meetingId, String joinUrl,
                             Instant scheduledStart, Instant scheduledEnd, String timeZone, BigDecimal maxCredits,
                             List<String> fieldsOfStudy, String deliveryMethod, String rulesetId,
                             Integer rulesetVersion, List<CreditType> creditTypes) {

    /** Details as published before credit types existed: one credit type, from the single ruleset. */
    public SessionDetails(String title, String providerId, String organizerId, String meetingId, String joinUrl,
                          Instant scheduledStart, Instant scheduledEnd, String timeZone, BigDecimal maxCredits,
                          List<String> fieldsOfStudy, String deliveryMethod, String rulesetId,
                          Integer rulesetVersion) {
        this(title, providerId, organizerId, meetingId, joinUrl, scheduledStart, scheduledEnd, timeZone, maxCredits,
                fieldsOfStudy, deliveryMethod, rulesetId, rulesetVersion, null);
    }

    /** The credit types, or for an event without them the single one its ruleset fields describe. */
    public List<CreditType> effectiveCreditTypes() {
        if (creditTypes != null && !creditTypes.isEmpty()) {
            return creditTypes;
        }
        return List.of(new CreditType(CreditType.DEFAULT_CODE, rulesetId, rulesetVersion, maxCredits, false));
    }
}
