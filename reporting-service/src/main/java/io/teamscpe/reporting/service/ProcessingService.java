package io.teamscpe.reporting.service;

import io.teamscpe.contracts.credit.CreditAward;
import io.teamscpe.contracts.session.CreditType;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.web.IfMatch;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.platform.readmodel.KnownSessions;
import io.teamscpe.reporting.credit.OverrideRules;
import io.teamscpe.reporting.messaging.CreditPublisher;
import io.teamscpe.reporting.report.AwardChange;
import io.teamscpe.reporting.report.AwardChange.Published;
import io.teamscpe.reporting.report.CompletionReport;
import io.teamscpe.reporting.report.CompletionReport.Row;
import io.teamscpe.reporting.report.CompletionReport.TaggedRow;
import io.teamscpe.reporting.report.MatchStatus;
import io.teamscpe.reporting.report.ProcessingRun;
import io.teamscpe.reporting.report.SessionSnapshot;
import io.teamscpe.reporting.store.CreditAwards;
import io.teamscpe.reporting.store.Overrides;
import io.teamscpe.reporting.store.ReportInputs;
import io.teamscpe.reporting.store.SessionFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Overrides (checked against the session's ruleset and maximum: {@link OverrideRules}) and "process CPE":
 * publishes what each enrolled professional is awarded, and on later runs only the corrections (revised, revoked)
 * — never the same award twice. Runs of one session are serialized by a row lock.
 */
@ApplicationScoped
public class ProcessingService {
    private final KnownSessions sessions;
    private final CompletionService completion;
    private final Overrides overrides;
    private final CreditPublisher publisher;
    private final CreditAwards awards;
    private final SessionFacts facts;
    private final ReportInputs inputs;

    public ProcessingService(KnownSessions sessions, CompletionService completion, Overrides overrides,
                             CreditPublisher publisher, CreditAwards awards, SessionFacts facts, ReportInputs inputs) {
        this.sessions = sessions;
        this.completion = completion;
        this.overrides = overrides;
        this.publisher = publisher;
        this.awards = awards;
        this.facts = facts;
        this.inputs = inputs;
    }

    /** One row of the Completion report with the ETag of its override state (read first: never newer than the row). */
    @Transactional
    public TaggedRow row(String firmId, String sessionId, String participantId) {
        sessions.require(firmId, sessionId, "reporting");
        int overridden = overrides.count(sessionId, participantId);
        return new TaggedRow(find(completion.report(firmId, sessionId), participantId), TaggedRow.etag(overridden));
    }

    /**
     * Overrides the row's credit, if its override state is still the one {@code ifMatch} names (412 otherwise):
     * checked under the session's row lock, which overrides and processing runs of a session share.
     */
    @Transactional
    public TaggedRow override(String firmId, String sessionId, String participantId, BigDecimal credit, String reason,
                              String by, IfMatch ifMatch) {
        KnownSession s = sessions.require(firmId, sessionId, "reporting");
        awards.lock(s);
        refuseCancelled(s, "takes no overrides");
        int overridden = overrides.count(sessionId, participantId);
        ifMatch.require(TaggedRow.etag(overridden), "row's credit (participant " + participantId + ")");
        SessionSnapshot.Rules rules = facts.namedRules(s).orElseThrow(() -> rulesetUnknown(s, "override",
                "the override cannot be checked against its rules"));
        OverrideRules.check(credit, rules.rules(), rules.name() + " v" + rules.version(), s.maxCredits())
                .ifPresent(refusal -> {
                    ProblemException problem = new ProblemException(refusal.status(), refusal.slug(),
                            refusal.title(), refusal.detail());
                    refusal.members().forEach(problem::with);
                    throw problem;
                });
        Row row = find(completion.compute(s), participantId);
        if (row.matchStatus() != MatchStatus.ENROLLED) {
            throw new ProblemException(422, "override-not-enrolled", "Row belongs to no enrolled professional",
                    "Row " + participantId + " is " + row.matchStatus() + ": no enrolled professional claims it, so "
                    + "credit awarded to it would never be published. Map the row to the professional first (POST "
                    + "/api/sessions/{id}/attendance-mappings, or add the attendee's email as an alternate email of "
                    + "their enrollment in session-service), then override the professional's row. Nothing was "
                    + "changed.");
        }
        overrides.record(firmId, sessionId, participantId, OverrideRules.kept(credit), row.finalCredit(),
                row.suggestedCredit(), reason, by);
        inputs.changed(sessionId);
        return new TaggedRow(find(completion.compute(s), participantId), TaggedRow.etag(overridden + 1));
    }

    @Transactional
    public ProcessingRun process(String firmId, String sessionId, String by) {
        KnownSession s = sessions.require(firmId, sessionId, "reporting");
        awards.lock(s);
        refuseCancelled(s, "awards no credit");
        if (facts.namedRules(s).isEmpty()) {
            throw rulesetUnknown(s, "processing", "no credit is computed and none can be published");
        }
        CompletionReport report = completion.compute(s);
        int run = awards.nextRun(sessionId);
        Map<String, Published> published = awards.published(sessionId);
        Instant now = Instant.now();
        Map<AwardChange, Integer> counts = new EnumMap<>(AwardChange.class);
        Set<String> enrolled = new HashSet<>();
        for (Row row : report.rows()) {
            if (row.matchStatus() != MatchStatus.ENROLLED) {
                continue;
            }
            enrolled.add(row.participantId());
            CreditAward award = award(s, report, row, run, by, now);
            Published before = published.get(row.participantId());
            AwardChange change = AwardChange.of(before, row.finalCredit(), row.attendance());
            counts.merge(change, 1, Integer::sum);
            if (change == AwardChange.UNCHANGED || change == AwardChange.NO_SHOW) {
                continue;
            }
            if (change == AwardChange.AWARDED) {
                publisher.awarded(sessionId, firmId, CreditType.DEFAULT_CODE, award, now);
            } else {
                publisher.revised(sessionId, firmId, CreditType.DEFAULT_CODE, before.held(), award, now);
            }
            awards.store(sessionId, firmId, row.participantId(), row.finalCredit(), false, run, now);
        }
        for (Map.Entry<String, Published> e : published.entrySet()) {
            if (!enrolled.contains(e.getKey()) && !e.getValue().revoked()) {
                publisher.revoked(sessionId, firmId, e.getKey(), CreditType.DEFAULT_CODE, e.getValue().credits(),
                        "no longer enrolled in the session", run, by, now);
                awards.store(sessionId, firmId, e.getKey(), BigDecimal.ZERO, true, run, now);
                counts.merge(AwardChange.REVOKED, 1, Integer::sum);
            }
        }
        ProcessingRun result = new ProcessingRun(sessionId, run, counts.getOrDefault(AwardChange.AWARDED, 0),
                counts.getOrDefault(AwardChange.REVISED, 0), counts.getOrDefault(AwardChange.REVOKED, 0),
                counts.getOrDefault(AwardChange.UNCHANGED, 0), counts.getOrDefault(AwardChange.NO_SHOW, 0), by, now);
        awards.recordRun(firmId, result);
        return result;
    }

    private static CreditAward award(KnownSession s, CompletionReport report, Row row, int run, String by,
                                     Instant now) {
        return new CreditAward(row.participantId(), row.email(), row.displayName(), row.finalCredit(), s.title(),
                s.fieldsOfStudy() == null ? List.of() : List.copyOf(s.fieldsOfStudy()), s.deliveryMethod(),
                s.rulesetId(), report.rulesetVersion(), row.minutesPresent(), row.pollsAnswered(),
                row.pollsPresented(), row.override() == null ? null : row.override().reason(), run, by, now);
    }

    private static void refuseCancelled(KnownSession s, String consequence) {
        if (s.cancelled()) {
            throw new ProblemException(409, "session-cancelled", "Session cancelled",
                    "A cancelled session " + consequence + ".");
        }
    }

    /** The 409 while the ruleset version the session names has not reached reporting (or it names none). */
    private static ProblemException rulesetUnknown(KnownSession s, String action, String consequence) {
        String detail = rulesetUnknownDetail(s, consequence);
        return "processing".equals(action)
                ? new ProblemException(409, "processing-ruleset-unknown", "Ruleset not known yet", detail)
                : new ProblemException(409, "override-ruleset-unknown", "Ruleset not known yet", detail);
    }

    private static String rulesetUnknownDetail(KnownSession s, String consequence) {
        String which = s.rulesetId() == null ? "names no ruleset (set one in session-service)"
                : "uses ruleset " + s.rulesetId() + (s.rulesetVersion() == null ? "" : " version "
                + s.rulesetVersion()) + ", which has not reached reporting yet";
        return "Session " + s.sessionId() + " " + which + ", so " + consequence
                + ": try again shortly. Nothing was changed.";
    }

    private static Row find(CompletionReport report, String participantId) {
        return report.rows().stream().filter(r -> r.participantId().equals(participantId)).findFirst()
                .orElseThrow(() -> new ProblemException(404, "participant-not-found", "Participant not found",
                        "No participant " + participantId + " in this session's completion report; use a "
                                + "participantId from GET /api/sessions/{id}/completion."));
    }
}
