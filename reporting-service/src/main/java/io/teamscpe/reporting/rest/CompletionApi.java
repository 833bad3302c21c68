package io.teamscpe.reporting.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the Completion report. */
public final class CompletionApi {
    private CompletionApi() {
    }

    @Schema(description = "Which facts the report reflects")
    public record Freshness(String attendanceSnapshotId, String attendanceSource, Instant attendanceFetchedAt,
                            String note) {
    }

    @Schema(description = "One participant's credit: suggested by the ruleset, with the reason, and final")
    public record CompletionRow(String participantId, String displayName, String email,
                                @Schema(description = "ENROLLED, UNMATCHED_ATTENDEE, GUEST or ANONYMOUS")
                                String matchStatus,
                                Instant firstJoin, Instant lastLeave, int intervals, long minutesPresent,
                                BigDecimal suggestedCredit, String reason, BigDecimal finalCredit) {
    }

    @Schema(description = "Suggested credit per participant under the session's ruleset")
    public record CompletionReport(String sessionId, String title, Instant scheduledStart, Instant scheduledEnd,
                                   String ruleset, int rulesetVersion, Freshness freshness,
                                   List<CompletionRow> rows) {
    }
}
