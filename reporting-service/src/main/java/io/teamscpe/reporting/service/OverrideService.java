package io.teamscpe.reporting.service;

import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.platform.readmodel.KnownSessions;
import io.teamscpe.platform.web.IfMatch;
import io.teamscpe.reporting.credit.OverrideRules;
import io.teamscpe.reporting.report.CompletionReport;
import io.teamscpe.reporting.report.CompletionReport.Row;
import io.teamscpe.reporting.report.CompletionReport.TaggedRow;
import io.teamscpe.reporting.report.MatchStatus;
import io.teamscpe.reporting.report.SessionSnapshot.TypedRules;
import io.teamscpe.reporting.store.CreditAwards;
import io.teamscpe.reporting.store.CreditTypes;
import io.teamscpe.reporting.store.Overrides;
import io.teamscpe.reporting.store.ReportInputs;
import io.teamscpe.reporting.store.SessionFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;

/**
 * One row of the Completion report and its override, per participant per credit type: checked against the type's
 * ruleset and maximum ({@link OverrideRules}) under the session's row lock, which processing runs share.
 */
@ApplicationScoped
public class OverrideService {
    private final KnownSessions sessions;
    private final CompletionService completion;
    private final Overrides overrides;
    private final CreditAwards awards;
    private final CreditTypes creditTypes;
    private final SessionFacts facts;
    private final ReportInputs inputs;

    public OverrideService(KnownSessions sessions, CompletionService completion, Overrides overrides,
                           CreditAwards awards, CreditTypes creditTypes, SessionFacts facts, ReportInputs inputs) {
        this.sessions = sessions;
        this.completion = completion;
        this.overrides = overrides;
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
        String code = CreditTypeChoice.choose(creditTypes.of(s).stream()
                .map(io.teamscpe.contracts.session.CreditType::code).toList(), creditType);
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
            throw Refusals.rulesetUnknown("override-ruleset-unknown", s, types, List.of(type),
                    "the override cannot be checked against its rules");
        }
        OverrideRules.check(credit, type.rules().rules(), type.rules().name() + " v" + type.rules().version(),
                        type.type().maxCredits())
                .ifPresent(refusal -> {
                    ProblemException problem = new ProblemException(refusal.status(), refusal.slug(),
                            refusal.title(), refusal.detail());
                    refusal.members().forEach(problem::with);
                    throw problem;
                });
        Row row = Refusals.find(compute(s), participantId, code);
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
        return new TaggedRow(Refusals.find(compute(s), participantId, code), TaggedRow.etag(overridden + 1));
    }

    /** The report afresh, in this transaction (its uncommitted override included). */
    private CompletionReport compute(KnownSession s) {
        return completion.compute(s);
    }
}
