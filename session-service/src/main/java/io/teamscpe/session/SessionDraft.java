package io.teamscpe.session;

import io.teamscpe.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** A session as the admin sends it (to create it, or to replace it whole), with the checks its values must pass. */
public record SessionDraft(String title, String description, Instant scheduledStart, Instant scheduledEnd,
                           String timeZone, BigDecimal maxCredits, List<String> fieldsOfStudy, String deliveryMethod,
                           String providerId, String organizerId, String joinUrl, String rulesetId,
                           Integer rulesetVersion) {
    /** The years a session may be scheduled in (PostgreSQL's timestamps reach further; nothing needs more). */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /** The delivery method when none is given. */
    public static final String GROUP_INTERNET_BASED = "GROUP_INTERNET_BASED";

    /** Refuses (400) a schedule out of range or backwards, credits with more than 2 decimals, an unknown zone. */
    public void check() {
        if (outOfRange(scheduledStart) || outOfRange(scheduledEnd)) {
            throw ProblemException.badRequest("invalid-schedule", "Schedule out of range",
                    "scheduledStart and scheduledEnd must lie between " + EARLIEST + " and " + LATEST
                            + "; check the year.");
        }
        if (maxCredits != null && maxCredits.stripTrailingZeros().scale() > 2) {
            throw ProblemException.badRequest("validation-failed", "The request is not valid",
                    "Fix these fields and send again: maxCredits: must have at most 2 decimal places")
                    .with("errors", List.of(Map.of("field", "maxCredits", "message",
                            "must have at most 2 decimal places")));
        }
        if (!scheduledEnd.isAfter(scheduledStart)) {
            throw ProblemException.badRequest("invalid-schedule", "End before start",
                    "scheduledEnd must be after scheduledStart.");
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("invalid-time-zone", "Unknown time zone",
                    "timeZone '" + timeZone + "' is not an IANA time zone such as America/New_York.");
        }
    }

    /** The organizer, or null when blank. */
    public String organizer() {
        return organizerId == null || organizerId.isBlank() ? null : organizerId.trim();
    }

    private static boolean outOfRange(Instant t) {
        return t.isBefore(EARLIEST) || t.isAfter(LATEST);
    }
}
