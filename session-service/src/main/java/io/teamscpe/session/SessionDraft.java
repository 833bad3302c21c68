package io.teamscpe.session;

import io.teamscpe.contracts.session.CreditType;
import io.teamscpe.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A session as the admin sends it (to create it, or to replace it whole), with the checks its values must pass.
 *
 * @param maxCredits       the top-level maximum; null: derived (also when the request marked it derived)
 * @param maxCreditsStated whether the request said anything of the top-level maximum (a value, or that it is
 *                         derived): only then must it agree with the first credit type's
 * @param creditTypes      the credit types sent, in order; null when the request names none (a request written before
 *                         credit types): then {@code rulesetId}, {@code rulesetVersion} and {@code maxCredits} are the
 *                         first type's
 */
public record SessionDraft(String title, String description, Instant scheduledStart, Instant scheduledEnd,
                           String timeZone, BigDecimal maxCredits, boolean maxCreditsStated,
                           List<String> fieldsOfStudy, String deliveryMethod, String providerId, String organizerId,
                           String joinUrl, String rulesetId, Integer rulesetVersion,
                           List<CreditTypeDraft> creditTypes) {
    /** The years a session may be scheduled in (PostgreSQL's timestamps reach further; nothing needs more). */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /** The delivery method when none is given. */
    public static final String GROUP_INTERNET_BASED = "GROUP_INTERNET_BASED";

    /**
     * Refuses (400) a schedule out of range or backwards, credits with more than 2 decimals, an unknown zone, credit
     * types with repeated codes, and top-level ruleset fields that disagree with the first credit type.
     */
    public void check() {
        if (outOfRange(scheduledStart) || outOfRange(scheduledEnd)) {
            throw ProblemException.badRequest("invalid-schedule", "Schedule out of range",
                    "scheduledStart and scheduledEnd must lie between " + EARLIEST + " and " + LATEST
                            + "; check the year.");
        }
        List<Map<String, String>> errors = new ArrayList<>();
        cents("maxCredits", maxCredits, errors);
        if (creditTypes != null) {
            checkCreditTypes(errors);
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
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

    private void checkCreditTypes(List<Map<String, String>> errors) {
        if (creditTypes.isEmpty() || creditTypes.size() > CreditTypeDraft.MAX_TYPES) {
            errors.add(error("creditTypes", "must hold 1 to " + CreditTypeDraft.MAX_TYPES + " credit types"));
            return;
        }
        Map<String, Integer> codes = new HashMap<>();
        for (int i = 0; i < creditTypes.size(); i++) {
            CreditTypeDraft t = creditTypes.get(i);
            String at = "creditTypes[" + i + "].";
            if (t.code() == null || !t.code().matches(CreditTypeDraft.CODE_PATTERN)) {
                errors.add(error(at + "code", "must be 1 to 40 letters, digits, '_' or '-'"));
            } else {
                Integer first = codes.putIfAbsent(t.code().toLowerCase(Locale.ROOT), i);
                if (first != null) {
                    errors.add(error(at + "code", "repeats creditTypes[" + first + "].code '"
                            + creditTypes.get(first).code() + "' (codes are unique within a session, ignoring case)"));
                }
            }
            cents(at + "maxCredits", t.maxCredits(), errors);
        }
        CreditTypeDraft first = creditTypes.get(0);
        String rid = blankToNull(rulesetId);
        if (rid != null && !rid.equalsIgnoreCase(Objects.toString(blankToNull(first.rulesetId()), ""))) {
            errors.add(disagrees("rulesetId"));
        }
        if (rulesetVersion != null && !rulesetVersion.equals(first.rulesetVersion())) {
            errors.add(disagrees("rulesetVersion"));
        }
        if (maxCreditsStated && !sameCredits(maxCredits, first.maxCredits())) {
            errors.add(disagrees("maxCredits"));
        }
    }

    /**
     * The credit types the session is to have, given the ones it has ({@code before}; empty when creating). A request
     * without credit types sets the first from {@code rulesetId}, {@code rulesetVersion} and {@code maxCredits}
     * (code {@link CreditType#DEFAULT_CODE} for a new session, else the first type's own code) and keeps the others.
     */
    public List<CreditTypeDraft> creditTypesAfter(List<CreditType> before) {
        if (creditTypes != null) {
            return creditTypes;
        }
        List<CreditTypeDraft> wanted = new ArrayList<>();
        wanted.add(new CreditTypeDraft(before.isEmpty() ? CreditType.DEFAULT_CODE : before.get(0).code(), rulesetId,
                rulesetVersion, maxCredits));
        before.stream().skip(1).map(CreditTypeDraft::of).forEach(wanted::add);
        return wanted;
    }

    /** Where a credit type's fields are named in problems: {@code creditTypes[i].} when sent, else top-level. */
    public String fieldPrefix(int index) {
        return creditTypes == null && index == 0 ? "" : "creditTypes[" + index + "].";
    }

    /** The organizer, or null when blank. */
    public String organizer() {
        return organizerId == null || organizerId.isBlank() ? null : organizerId.trim();
    }

    private static boolean sameCredits(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static void cents(String field, BigDecimal credits, List<Map<String, String>> errors) {
        if (credits != null && credits.stripTrailingZeros().scale() > 2) {
            errors.add(error(field, "must have at most 2 decimal places"));
        }
    }

    private static Map<String, String> disagrees(String field) {
        return error(field, "differs from creditTypes[0]." + field + ": the top-level rulesetId, rulesetVersion and "
                + "maxCredits describe the first credit type; send its values or leave them out");
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static ProblemException invalid(List<Map<String, String>> errors) {
        return ProblemException.badRequest("validation-failed", "The request is not valid",
                "Fix these fields and send again: " + errors.stream().map(e -> e.get("field") + ": "
                        + e.get("message")).collect(Collectors.joining("; "))).with("errors", errors);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static boolean outOfRange(Instant t) {
        return t.isBefore(EARLIEST) || t.isAfter(LATEST);
    }
}
