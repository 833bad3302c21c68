package io.teamscpe.reporting.report;

import io.teamscpe.platform.web.ETag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The Completion report: suggested and final credit per enrolled professional, and unmatched attendees for review.
 * Its JSON is served as is (api/CompletionApi documents the same shape). While the session's ruleset version has not
 * reached reporting, {@code ruleset} is null and no row has a suggested credit (see {@link #WAITING}).
 */
public record CompletionReport(String sessionId, String title, Instant scheduledStart, Instant scheduledEnd,
                               String timeZone, String ruleset, Integer rulesetVersion, Freshness freshness,
                               List<Row> rows) {
    /** The reason of every row while the session's ruleset has not arrived. */
    public static final String WAITING = "waiting for the session's ruleset: no credit is computed until the "
            + "ruleset version the session names has reached reporting";

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
     * One participant's credit: suggested by the ruleset, with the reason, and final.
     *
     * @param matchMethod     how an enrolled professional's attendance was tied to them (null without attendance)
     * @param mappedAttendees the attendees an administrator mapped to this professional, with who and when
     */
    public record Row(String participantId, String displayName, String email, MatchStatus matchStatus,
                      Presence attendance,
                      Instant firstJoin, Instant lastLeave, int intervals, long minutesPresent, long secondsPresent,
                      int pollsAnswered, int pollsPresented, BigDecimal suggestedCredit, String reason, Override override,
                      BigDecimal finalCredit, AttendanceMatch matchMethod, List<MappedAttendee> mappedAttendees) {
    }
}
