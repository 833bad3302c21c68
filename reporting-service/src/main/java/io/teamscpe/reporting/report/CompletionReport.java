package io.teamscpe.reporting.report;

import io.teamscpe.platform.web.ETag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The Completion report: suggested and final credit per enrolled professional per credit type they seek, and
 * unmatched attendees (a row per credit type) for review. Its JSON is served as is (api/CompletionApi documents the
 * same shape). While a credit type's ruleset version has not reached reporting, that type is {@code waiting} and none
 * of its rows has a suggested credit (see {@link #WAITING}); {@code ruleset} and {@code rulesetVersion} are the
 * first credit type's (null while it waits).
 */
public record CompletionReport(String sessionId, String title, Instant scheduledStart, Instant scheduledEnd,
                               String timeZone, String ruleset, Integer rulesetVersion,
                               List<CreditTypeSummary> creditTypes, Freshness freshness, List<Row> rows) {
    /** The reason of every row of a credit type whose ruleset has not arrived. */
    public static final String WAITING = "waiting for the session's ruleset: no credit is computed until the "
            + "ruleset version the session names has reached reporting";

    /** The same report with other rows (a page, or the rows of one credit type). */
    public CompletionReport withRows(List<Row> other) {
        return new CompletionReport(sessionId, title, scheduledStart, scheduledEnd, timeZone, ruleset, rulesetVersion,
                creditTypes, freshness, other);
    }

    /**
     * One credit type of the session: its ruleset version (name null while waiting for it) and maximum.
     *
     * @param waiting true while the type's ruleset version has not reached reporting: its rows have no credit and
     *                processing is refused
     */
    public record CreditTypeSummary(String code, String rulesetId, String ruleset, Integer rulesetVersion,
                                    BigDecimal maxCredits, boolean maxCreditsDerived, boolean waiting) {
    }

    /** Which facts the report reflects. */
    public record Freshness(String attendanceSnapshotId, String attendanceSource, Instant attendanceFetchedAt,
                            boolean attendanceIncomplete, int pollsIncluded, int pollsExcluded, int enrolled,
                            String note) {
    }

    /** An admin's decision replacing the suggested credit. */
    public record Override(BigDecimal credit, String reason, String by, Instant at) {
    }

    /**
     * One row with the ETag of its override state: {@code "override-<n>"} after the participant's n-th override
     * (0: never overridden). An override with If-Match goes ahead only at that ETag.
     */
    public record TaggedRow(Row row, ETag etag) {
        public static ETag etag(int overrides) {
            return new ETag("override", overrides);
        }
    }

    /**
     * One participant's credit of one credit type: suggested by the type's ruleset, with the reason, and final.
     *
     * @param creditType      the code of the credit type (CPE for a session with a single ruleset)
     * @param matchMethod     how an enrolled professional's attendance was tied to them (null without attendance)
     * @param mappedAttendees the attendees an administrator mapped to this professional, with who and when
     */
    public record Row(String participantId, String creditType, String displayName, String email,
                      MatchStatus matchStatus,
                      Presence attendance,
                      Instant firstJoin, Instant lastLeave, int intervals, long minutesPresent, long secondsPresent,
                      int pollsAnswered, int pollsPresented, BigDecimal suggestedCredit, String reason, Override override,
                      BigDecimal finalCredit, AttendanceMatch matchMethod, List<MappedAttendee> mappedAttendees) {
    }
}
