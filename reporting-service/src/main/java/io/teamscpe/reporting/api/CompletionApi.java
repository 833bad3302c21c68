package io.teamscpe.reporting.api;

import io.teamscpe.reporting.report.CompletionReport.Row;
import io.teamscpe.reporting.report.Presence;
import io.teamscpe.reporting.report.MappedAttendee;
import io.teamscpe.reporting.report.AttendanceMatch;
import io.teamscpe.reporting.report.MatchStatus;
import io.teamscpe.reporting.report.ProcessingRun;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Bodies of the Completion report, overrides and processing. The report itself is served as the JSON of the domain's
 * {@link io.teamscpe.reporting.report.CompletionReport}, computed once per change: these records document its shape.
 */
public final class CompletionApi {
    private CompletionApi() {
    }

    /** How a row's attendance was tied to the professional, as both reports document it. */
    public static final String MATCH_METHOD = "How the enrolled professional's attendance was tied to them: EMAIL "
            + "(the enrollment's email), ALTERNATE_EMAIL (one of its alternate emails) or MAPPED (an administrator "
            + "mapped an attendee: see mappedAttendees; shown when any of the professional's attendees was mapped); "
            + "null for a professional without attendance and for rows no enrollment claims";
    /** The attendees mapped to the professional, as both reports document them. */
    public static final String MAPPED_ATTENDEES = "The attendees an administrator mapped to this professional "
            + "(POST /api/sessions/{id}/attendance-mappings): participant key, name and email as Teams gave them, "
            + "method MAPPED (in this session) or REMEMBERED (the firm's earlier mapping of the same identity), who "
            + "decided it and when it took effect. Their time and poll answers count for the professional";

    @Schema(description = "Which facts the report reflects")
    public record Freshness(String attendanceSnapshotId, String attendanceSource, Instant attendanceFetchedAt,
                            @Schema(description = "True when the session's latest attendance snapshot arrived "
                                    + "incomplete: the report shows the attendance before it until the snapshot "
                                    + "is sent again (requested automatically; the note says since when)")
                            boolean attendanceIncomplete,
                            int pollsIncluded, int pollsExcluded, int enrolled, String note) {
    }

    @Schema(description = "An admin's decision replacing the suggested credit")
    public record Override(BigDecimal credit, String reason, String by, Instant at) {
        static Override of(io.teamscpe.reporting.report.CompletionReport.Override o) {
            return o == null ? null : new Override(o.credit(), o.reason(), o.by(), o.at());
        }
    }

    @Schema(description = "One participant's credit of one credit type: suggested by the type's ruleset, with the "
            + "reason, and final")
    public record CompletionRow(
            @Schema(description = "LMS id for enrolled professionals, else the attendance participant key")
            String participantId,
            @Schema(description = "The code of the credit type this row is for (CPE for a session with a single "
                    + "ruleset): an enrolled professional has a row per credit type they seek, any other participant "
                    + "one per credit type of the session", example = "CPA") String creditType,
            String displayName, String email,
            @Schema(description = "ENROLLED, UNMATCHED_ATTENDEE, GUEST or ANONYMOUS") MatchStatus matchStatus,
            @Schema(description = Presence.DESCRIPTION) Presence attendance,
            Instant firstJoin, Instant lastLeave, int intervals,
            @Schema(description = "Minutes for credit: the seconds present rounded as the ruleset says "
                    + "(attendance.minuteRounding: to the nearest minute unless DOWN)") long minutesPresent,
            @Schema(description = "Time present to the second: the union of the intervals within the session's "
                    + "window") long secondsPresent,
            int pollsAnswered, int pollsPresented, BigDecimal suggestedCredit, String reason, Override override,
            BigDecimal finalCredit,
            @Schema(description = MATCH_METHOD) AttendanceMatch matchMethod,
            @Schema(description = MAPPED_ATTENDEES) List<MappedAttendee> mappedAttendees) {
        public static CompletionRow of(Row r) {
            return new CompletionRow(r.participantId(), r.creditType(), r.displayName(), r.email(), r.matchStatus(),
                    r.attendance(), r.firstJoin(), r.lastLeave(), r.intervals(), r.minutesPresent(), r.secondsPresent(),
                    r.pollsAnswered(), r.pollsPresented(), r.suggestedCredit(), r.reason(), Override.of(r.override()),
                    r.finalCredit(), r.matchMethod(), r.mappedAttendees());
        }
    }

    @Schema(description = "One credit type of the session, with the ruleset version its credit is computed with")
    public record CreditTypeSummary(
            @Schema(description = "The credit type's code (CPE for a session with a single ruleset)",
                    example = "CFP") String code,
            @Schema(description = "The ruleset the credit type names") String rulesetId,
            @Schema(description = "The ruleset version's name; null while waiting for it") String ruleset,
            @Schema(description = "The ruleset version the credit type names") Integer rulesetVersion,
            @Schema(description = "The most this credit type awards for the session (the cap of its rows' credit "
                    + "and overrides); null when none is stated") BigDecimal maxCredits,
            @Schema(description = "True when maxCredits was derived from the scheduled duration under the ruleset "
                    + "rather than given by the administrator") boolean maxCreditsDerived,
            @Schema(description = "True while the ruleset version has not reached reporting: the type's rows "
                    + "compute no credit and processing is refused") boolean waiting) {
    }

    @Schema(description = "Suggested and final credit per enrolled professional per credit type, and unmatched "
            + "attendees for review")
    public record CompletionReport(String sessionId, String title, Instant scheduledStart, Instant scheduledEnd,
                                   @Schema(description = "The session's IANA time zone") String timeZone,
                                   @Schema(description = "The first credit type's ruleset version's name; null while "
                                           + "waiting for it (no credit is computed, processing is refused)")
                                   String ruleset,
                                   @Schema(description = "The first credit type's ruleset version; null while "
                                           + "waiting for it") Integer rulesetVersion,
                                   @Schema(description = "The session's credit types in its order: every row is of "
                                           + "one of them") List<CreditTypeSummary> creditTypes,
                                   Freshness freshness, List<CompletionRow> rows) {
    }

    @Schema(description = "An override: the credit to award and why (kept in the audit trail)")
    public record OverrideRequest(@NotNull @Schema(minimum = "0", description = "0 up to the session's maximum, "
            + "a multiple of the ruleset's increment (or one of its allowed steps), at most 2 decimals; anything "
            + "else is refused with a 422 problem naming the rule") BigDecimal credit,
                                  @NotBlank @Size(min = 5, max = 2000) String reason) {
    }

    @Schema(description = "What a processing run published, and how far its delivery to cpe.credits.v1 has got; "
            + "the counts are of (professional, credit type) credits")
    public record ProcessingResult(String sessionId, int run, int awarded, int revised, int revoked,
                                   int unchanged,
                                   @Schema(description = "Enrolled professionals who never joined and hold no "
                                           + "credit: no credit event is sent for them") int noShows,
                                   String processedBy, Instant processedAt, Delivery delivery,
                                   @Schema(description = "The same counts per credit type code, in the session's "
                                           + "order of types (a type removed from the session shows in the run that "
                                           + "revokes its credit)")
                                   Map<String, CreditTypeCounts> byCreditType) {
        /** A run whose events Kafka has acknowledged {@code sent} of. */
        public static ProcessingResult of(ProcessingRun r, int sent) {
            Map<String, CreditTypeCounts> byType = new LinkedHashMap<>();
            r.byCreditType().forEach((code, c) -> byType.put(code, new CreditTypeCounts(c.awarded(), c.revised(),
                    c.revoked(), c.unchanged(), c.noShows())));
            return new ProcessingResult(r.sessionId(), r.run(), r.awarded(), r.revised(), r.revoked(),
                    r.unchanged(), r.noShows(), r.processedBy(), r.processedAt(),
                    Delivery.of(r.awarded() + r.revised() + r.revoked(), sent), byType);
        }
    }

    @Schema(description = "A processing run's counts for one credit type")
    public record CreditTypeCounts(int awarded, int revised, int revoked, int unchanged,
                                   @Schema(description = "Enrolled professionals seeking the type who never joined "
                                           + "and hold no credit of it") int noShows) {
    }

    @Schema(description = "The run's credit events on their way downstream: the run is committed at once and its "
            + "events are sent by the outbox relay; poll GET /api/sessions/{id}/processing-runs/{run} until DELIVERED")
    public record Delivery(@Schema(description = "QUEUED: some events wait for Kafka; DELIVERED: Kafka acknowledged "
                                   + "every event of the run (a run without events is DELIVERED)") DeliveryState state,
                           @Schema(description = "Credit events the run published") int events,
                           @Schema(description = "Of those, acknowledged by Kafka") int sent) {
        static Delivery of(int events, int sent) {
            return new Delivery(sent >= events ? DeliveryState.DELIVERED : DeliveryState.QUEUED, events, sent);
        }
    }

    /** Where a run's credit events are. */
    public enum DeliveryState {
        QUEUED, DELIVERED
    }
}
