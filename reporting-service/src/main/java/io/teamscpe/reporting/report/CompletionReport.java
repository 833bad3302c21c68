package io.teamscpe.reporting.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The Completion report: suggested and final credit per enrolled professional, and unmatched attendees for review.
 * Its JSON is served as is (api/CompletionApi documents the same shape).
 */
public record CompletionReport(String sessionId, String title, Instant scheduledStart, Instant scheduledEnd,
                               String timeZone, String ruleset, int rulesetVersion, Freshness freshness,
                               List<Row> rows) {

    /** Which facts the report reflects. */
    public record Freshness(String attendanceSnapshotId, String attendanceSource, Instant attendanceFetchedAt,
                            boolean attendanceIncomplete, int pollsIncluded, int pollsExcluded, int enrolled,
                            String note) {
    }

    /** An admin's decision replacing the suggested credit. */
    public record Override(BigDecimal credit, String reason, String by, Instant at) {
    }

    /** One participant's credit: suggested by the ruleset, with the reason, and final. */
    public record Row(String participantId, String displayName, String email, MatchStatus matchStatus,
                      AttendanceStatus attendance,
                      Instant firstJoin, Instant lastLeave, int intervals, long minutesPresent, long secondsPresent,
                      int pollsAnswered, int pollsPresented, BigDecimal suggestedCredit, String reason, Override override,
                      BigDecimal finalCredit) {
    }
}
