package io.teamscpe.reporting.service;

import io.teamscpe.contracts.credit.CreditAward;
import io.teamscpe.contracts.session.CreditType;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.web.IfMatch;
import io.teamscpe.reporting.credit.OverrideRules;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.platform.readmodel.KnownSessions;
import io.teamscpe.reporting.messaging.CreditPublisher;
import io.teamscpe.reporting.report.AwardChange;
import io.teamscpe.reporting.report.AwardChange.Key;
import io.teamscpe.reporting.report.AwardChange.Published;
import io.teamscpe.reporting.report.CompletionReport;
import io.teamscpe.reporting.report.CompletionReport.Row;
import io.teamscpe.reporting.report.CompletionReport.TaggedRow;
import io.teamscpe.reporting.report.MatchStatus;
import io.teamscpe.reporting.report.ProcessingRun;
import io.teamscpe.reporting.report.ProcessingRun.Counts;
import io.teamscpe.reporting.report.SessionSnapshot;
import io.teamscpe.reporting.report.SessionSnapshot.Enrolled;
import io.teamscpe.reporting.report.SessionSnapshot.TypedRules;
import io.teamscpe.reporting.store.CreditAwards;
import io.teamscpe.reporting.store.CreditTypes;
import io.teamscpe.reporting.store.Overrides;
import io.teamscpe.reporting.store.ReportInputs;
import io.teamscpe.reporting.store.SessionFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Overrides, per participant per credit type (checked against the type's ruleset and maximum: {@link OverrideRules}),
 * and "process CPE": publishes what each enrolled professional is awarded in each credit type they seek, and on later
 * runs only the corrections (revised, revoked) — never the same award twice. Runs and overrides of one session are
 * serialized by a row lock.
 */
@ApplicationScoped
public class ProcessingService {
    private final KnownSessions sessions;
    private final CompletionService completion;
    private final Overrides overrides;
    private final CreditPublisher publisher;
    private final CreditAwards awards;
    private final CreditTypes creditTypes;
    private final SessionFacts facts;
    private final ReportInputs inputs;

    public ProcessingService(KnownSessions sessions, CompletionService completion, Overrides overrides,
                             CreditPublisher publisher, CreditAwards awards, CreditTypes creditTypes,
                             SessionFacts facts, ReportInputs inputs) {
        this.sessions = sessions;
        this.completion = completion;
        this.overrides = overrides;
        this.publisher = publisher;
        this.awards = awards;
        this.creditTypes = creditTypes;
        this.facts = facts;
        this.inputs = inputs;
    }

    /**
     * One row of the Completion report with the ETag of its override state (read first: never newer than the row).
     * {@code creditType} may be null when the session has a single credit type.
     */
    @Transactional
    public TaggedRow row(String firmId, String sessionId, String participantId, String creditType) {
        KnownSession s = sessions.require(firmId, sessionId, "reporting");
        String code = CreditTypeChoice.choose(creditTypes.of(s).stream().map(CreditType::code).toList(),
                creditType);
        int overridden = overrides.count(sessionId, participantId, code);
        return new TaggedRow(Refusals.find(completion.report(firmId, sessionId), participantId, code),
                TaggedRow.etag(overridden));
    }

    /**
     * Overrides the row's credit of one credit type, if its override state is still the one {@code ifMatch} names
     * (412 otherwise): checked under the session's row lock, which overrides and processing runs of a session share.
     */
    @Transactional
    public TaggedRow override(String firmId, String sessionId, String participantId, String creditType,
                              BigDecimal credit, String reason, String by, IfMatch ifMatch) {
        KnownSession s = sessions.require(firmId, sessionId, "reporting");
        awards.lock(s);
        Refusals.refuseCancelled(s, "takes no overrides");
        List<TypedRules> types = facts.typedRules(s);
        String code = CreditTypeChoice.choose(types.stream().map(TypedRules::code).toList(), creditType);
        TypedRules type = types.stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
        int overridden = overrides.count(sessionId, participantId, code);
        ifMatch.require(TaggedRow.etag(overridden), "row's credit (participant " + participantId
                + (types.size() > 1 ? ", credit type " + code : "") + ")");
        if (type.waiting()) {
            throw Refusals.rulesetUnknown(false, s, types, List.of(type),
                    "the override cannot be checked against its rules");
        }
        OverrideRules.check(credit, type.rules().rules(), type.rules().name() + " v" + type.rules().version(),
                        type.type().maxCredits())
                .ifPresent(refusal -> {
                    // OverrideRules' refusals, each a problem type of its own (docs/problems.md)
                    ProblemException problem = new ProblemException(refusal.status(), refusal.slug(),
                            refusal.title(), refusal.detail());
                    refusal.members().forEach(problem::with);
                    throw problem;
                });
        Row row = Refusals.find(completion.compute(s), participantId, code);
        if (row.matchStatus() != MatchStatus.ENROLLED) {
            throw new ProblemException(422, "override-not-enrolled", "Row belongs to no enrolled professional",
                    "Row " + participantId + " is " + row.matchStatus() + ": no enrolled professional claims it, so "
                    + "credit awarded to it would never be published. Map the row to the professional first (POST "
                    + "/api/sessions/{id}/attendance-mappings, or add the attendee's email as an alternate email of "
                    + "their enrollment in session-service), then override the professional's row. Nothing was "
                    + "changed.");
        }
        overrides.record(firmId, sessionId, participantId, code, OverrideRules.kept(credit), row.finalCredit(),
                row.suggestedCredit(), reason, by);
        inputs.changed(sessionId);
        return new TaggedRow(Refusals.find(completion.compute(s), participantId, code),
                TaggedRow.etag(overridden + 1));
    }

    @Transactional
    public ProcessingRun process(String firmId, String sessionId, String by) {
        KnownSession s = sessions.require(firmId, sessionId, "reporting");
        awards.lock(s);
        Refusals.refuseCancelled(s, "awards no credit");
        SessionSnapshot f = facts.load(s);
        List<TypedRules> waiting = f.creditTypes().stream().filter(TypedRules::waiting).toList();
        if (!waiting.isEmpty()) {
            throw Refusals.rulesetUnknown(true, s, f.creditTypes(), waiting,
                    "no credit is computed and none can be published");
        }
        Map<String, TypedRules> types = new LinkedHashMap<>();
        f.creditTypes().forEach(t -> types.put(t.code(), t));
        CompletionReport report = completion.compute(f);
        int run = awards.nextRun(sessionId);
        Map<Key, Published> published = awards.published(sessionId);
        Instant now = Instant.now();
        Map<String, Counts> byType = new LinkedHashMap<>();
        types.keySet().forEach(code -> byType.put(code, Counts.NONE));
        Map<AwardChange, Integer> counts = new EnumMap<>(AwardChange.class);
        Set<Key> current = new HashSet<>();
        for (Row row : report.rows()) {
            if (row.matchStatus() != MatchStatus.ENROLLED) {
                continue;
            }
            Key key = new Key(row.participantId(), row.creditType());
            current.add(key);
            Published before = published.get(key);
            AwardChange change = AwardChange.of(before, row.finalCredit(), row.attendance());
            counted(counts, byType, row.creditType(), change);
            if (change == AwardChange.UNCHANGED || change == AwardChange.NO_SHOW) {
                continue;
            }
            CreditAward award = award(s, types.get(row.creditType()), row, run, by, now);
            if (change == AwardChange.AWARDED) {
                publisher.awarded(sessionId, firmId, row.creditType(), award, now);
            } else {
                publisher.revised(sessionId, firmId, row.creditType(), before.held(), award, now);
            }
            awards.store(sessionId, firmId, key, row.finalCredit(), false, run, now);
        }
        Set<String> enrolled = f.roster().stream().map(Enrolled::lmsId).collect(Collectors.toSet());
        for (Map.Entry<Key, Published> e : published.entrySet()) {
            Key key = e.getKey();
            if (current.contains(key) || e.getValue().revoked()) {
                continue;
            }
            String reason = !types.containsKey(key.creditType())
                    ? "credit type " + key.creditType() + " was removed from the session"
                    : !enrolled.contains(key.professionalId()) ? "no longer enrolled in the session"
                    : "no longer seeks credit type " + key.creditType() + " in the session";
            publisher.revoked(sessionId, firmId, key.professionalId(), key.creditType(), e.getValue().credits(),
                    reason, run, by, now);
            awards.store(sessionId, firmId, key, BigDecimal.ZERO, true, run, now);
            counted(counts, byType, key.creditType(), AwardChange.REVOKED);
        }
        ProcessingRun result = new ProcessingRun(sessionId, run, counts.getOrDefault(AwardChange.AWARDED, 0),
                counts.getOrDefault(AwardChange.REVISED, 0), counts.getOrDefault(AwardChange.REVOKED, 0),
                counts.getOrDefault(AwardChange.UNCHANGED, 0), counts.getOrDefault(AwardChange.NO_SHOW, 0), by, now,
                Collections.unmodifiableMap(byType));
        awards.recordRun(firmId, result);
        return result;
    }

    private static void counted(Map<AwardChange, Integer> counts, Map<String, Counts> byType, String creditType,
                                AwardChange change) {
        counts.merge(change, 1, Integer::sum);
        byType.put(creditType, byType.getOrDefault(creditType, Counts.NONE).plus(change));
    }

    /** The award of one credit type: its ruleset and version, and the row's facts and final credit. */
    private static CreditAward award(KnownSession s, TypedRules type, Row row, int run, String by, Instant now) {
        return new CreditAward(row.participantId(), row.email(), row.displayName(), row.finalCredit(), s.title(),
                s.fieldsOfStudy() == null ? List.of() : List.copyOf(s.fieldsOfStudy()), s.deliveryMethod(),
                type.type().rulesetId(), type.rules().version(), row.minutesPresent(), row.pollsAnswered(),
                row.pollsPresented(), row.override() == null ? null : row.override().reason(), run, by, now);
    }
}
