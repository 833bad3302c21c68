package io.teamscpe.reporting.service;

import io.teamscpe.contracts.credit.CreditAward;
import io.teamscpe.contracts.credit.CreditAwarded;
import io.teamscpe.contracts.credit.CreditRevised;
import io.teamscpe.contracts.credit.CreditRevoked;
import io.teamscpe.platform.outbox.Outbox;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.reporting.ReportSession;
import io.teamscpe.reporting.credit.OverrideRules;
import io.teamscpe.reporting.rest.CompletionApi.CompletionReport;
import io.teamscpe.reporting.rest.CompletionApi.CompletionRow;
import io.teamscpe.reporting.rest.CompletionApi.OverrideRequest;
import io.teamscpe.reporting.rest.CompletionApi.ProcessingResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
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
    private final CompletionService completion;
    private final Overrides overrides;
    private final Outbox outbox;
    private final EntityManager em;
    private final SessionFacts facts;

    public ProcessingService(CompletionService completion, Overrides overrides, Outbox outbox, EntityManager em,
                             SessionFacts facts) {
        this.completion = completion;
        this.overrides = overrides;
        this.outbox = outbox;
        this.em = em;
        this.facts = facts;
    }

    @Transactional
    public CompletionRow override(String firmId, String sessionId, String participantId, OverrideRequest request,
                                  String by) {
        ReportSession s = CompletionService.session(firmId, sessionId);
        SessionFacts.Rules rules = facts.namedRules(s).orElseThrow(() -> new ProblemException(409,
                "override-ruleset-unknown", "Ruleset not known yet", "Session " + sessionId + " uses ruleset "
                + s.rulesetId + (s.rulesetVersion == null ? "" : " version " + s.rulesetVersion) + ", which has "
                + "not reached reporting yet, so the override cannot be checked against its rules: try again "
                + "shortly. Nothing was changed."));
        OverrideRules.check(request.credit(), rules.rules(), rules.name() + " v" + rules.version(), s.maxCredits)
                .ifPresent(refusal -> {
                    ProblemException problem = new ProblemException(refusal.status(), refusal.slug(),
                            refusal.title(), refusal.detail());
                    refusal.members().forEach(problem::with);
                    throw problem;
                });
        CompletionRow row = find(completion.compute(s), participantId);
        overrides.record(firmId, sessionId, participantId, OverrideRules.kept(request.credit()), row.finalCredit(),
                row.suggestedCredit(), request.reason(), by);
        return find(completion.compute(s), participantId);
    }

    @Transactional
    public ProcessingResult process(String firmId, String sessionId, String by) {
        ReportSession s = CompletionService.session(firmId, sessionId);
        em.lock(s, LockModeType.PESSIMISTIC_WRITE);
        if (s.cancelled) {
            throw new ProblemException(409, "session-cancelled", "Session cancelled",
                    "A cancelled session awards no credit.");
        }
        CompletionReport report = completion.compute(s);
        int run = ((Number) em.createNativeQuery(
                        "select coalesce(max(run), 0) + 1 from processing_run where session_id = ?1")
                .setParameter(1, sessionId).getSingleResult()).intValue();
        Map<String, Object[]> published = published(sessionId);
        Instant now = Instant.now();
        int awarded = 0;
        int revised = 0;
        int unchanged = 0;
        Set<String> enrolled = new HashSet<>();
        for (CompletionRow row : report.rows()) {
            if (!row.matchStatus().equals("ENROLLED")) {
                continue;
            }
            enrolled.add(row.participantId());
            CreditAward award = award(s, report, row, run, by, now);
            Object[] before = published.get(row.participantId());
            if (before == null) {
                outbox.publish(new CreditAwarded(sessionId, firmId, row.participantId(), award, now));
                awarded++;
            } else if (Boolean.TRUE.equals(before[1]) || ((BigDecimal) before[0]).compareTo(row.finalCredit()) != 0) {
                BigDecimal previous = Boolean.TRUE.equals(before[1]) ? BigDecimal.ZERO : (BigDecimal) before[0];
                outbox.publish(new CreditRevised(sessionId, firmId, row.participantId(), previous, award, now));
                revised++;
            } else {
                unchanged++;
                continue;
            }
            store(sessionId, firmId, row.participantId(), row.finalCredit(), false, run, now);
        }
        int revoked = 0;
        for (Map.Entry<String, Object[]> e : published.entrySet()) {
            if (!enrolled.contains(e.getKey()) && !Boolean.TRUE.equals(e.getValue()[1])) {
                outbox.publish(new CreditRevoked(sessionId, firmId, e.getKey(), (BigDecimal) e.getValue()[0],
                        "no longer enrolled in the session", run, by, now));
                store(sessionId, firmId, e.getKey(), BigDecimal.ZERO, true, run, now);
                revoked++;
            }
        }
        em.createNativeQuery("""
                        insert into processing_run (session_id, run, firm_id, processed_by, processed_at, awarded,
                            revised, revoked, unchanged) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, sessionId).setParameter(2, run).setParameter(3, firmId).setParameter(4, by)
                .setParameter(5, now).setParameter(6, awarded).setParameter(7, revised).setParameter(8, revoked)
                .setParameter(9, unchanged).executeUpdate();
        return new ProcessingResult(sessionId, run, awarded, revised, revoked, unchanged, by, now);
    }

    private static CreditAward award(ReportSession s, CompletionReport report, CompletionRow row, int run, String by,
                                     Instant now) {
        return new CreditAward(row.participantId(), row.email(), row.displayName(), row.finalCredit(), s.title,
                s.fieldsOfStudy == null ? List.of() : List.copyOf(s.fieldsOfStudy), s.deliveryMethod,
                s.rulesetId, report.rulesetVersion(), row.minutesPresent(), row.pollsAnswered(),
                row.pollsPresented(), row.override() == null ? null : row.override().reason(), run, by, now);
    }

    private Map<String, Object[]> published(String sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select professional_id, credits, revoked from credit_award where session_id = ?1")
                .setParameter(1, sessionId).getResultList();
        Map<String, Object[]> out = new HashMap<>();
        rows.forEach(r -> out.put((String) r[0], new Object[] {r[1], r[2]}));
        return out;
    }

    private void store(String sessionId, String firmId, String professionalId, BigDecimal credits, boolean revoked,
                       int run, Instant now) {
        em.createNativeQuery("""
                        insert into credit_award (session_id, professional_id, firm_id, credits, revoked, processing_run,
                            updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (session_id, professional_id) do update set credits = excluded.credits,
                            revoked = excluded.revoked, processing_run = excluded.processing_run,
                            updated_at = excluded.updated_at""")
                .setParameter(1, sessionId).setParameter(2, professionalId).setParameter(3, firmId)
                .setParameter(4, credits).setParameter(5, revoked).setParameter(6, run).setParameter(7, now)
                .executeUpdate();
    }

    private static CompletionRow find(CompletionReport report, String participantId) {
        return report.rows().stream().filter(r -> r.participantId().equals(participantId)).findFirst()
                .orElseThrow(() -> new ProblemException(404, "participant-not-found", "Participant not found",
                        "No participant " + participantId + " in this session's completion report; use a "
                                + "participantId from GET /api/sessions/{id}/completion."));
    }
}
