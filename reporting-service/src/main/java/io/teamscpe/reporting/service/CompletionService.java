package io.teamscpe.reporting.service;

import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.reporting.ReportSession;
import io.teamscpe.reporting.credit.CreditEngine;
import io.teamscpe.reporting.credit.CreditResult;
import io.teamscpe.reporting.credit.Facts;
import io.teamscpe.reporting.rest.CompletionApi.CompletionReport;
import io.teamscpe.reporting.rest.CompletionApi.CompletionRow;
import io.teamscpe.reporting.rest.CompletionApi.Freshness;
import io.teamscpe.reporting.rest.CompletionApi.Override;
import io.teamscpe.reporting.service.SessionFacts.Attendee;
import io.teamscpe.reporting.service.SessionFacts.Enrolled;
import io.teamscpe.reporting.service.SessionFacts.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The Completion report: per enrolled professional (no-shows included) and per unmatched attendee, the credit the
 * session's ruleset suggests with its reason, any override, and the final credit.
 */
@ApplicationScoped
public class CompletionService {
    private final SessionFacts facts;
    private final Overrides overrides;

    public CompletionService(SessionFacts facts, Overrides overrides) {
        this.facts = facts;
        this.overrides = overrides;
    }

    @Transactional
    public CompletionReport report(String firmId, String sessionId) {
        return report(session(firmId, sessionId));
    }

    CompletionReport report(ReportSession s) {
        SessionFacts.Snapshot f = facts.load(s);
        Matching matching = new Matching(f.roster(), f.attendees());
        List<SessionFacts.Poll> presented = f.polls().stream().filter(SessionFacts.Poll::included).toList();
        Map<String, Override> decided = overrides.current(s.sessionId);
        List<CompletionRow> rows = new ArrayList<>();
        for (Enrolled e : f.roster()) {
            List<Attendee> theirs = matching.attendeesOf(e);
            List<io.teamscpe.contracts.attendance.Interval> intervals = theirs.stream()
                    .flatMap(a -> a.intervals().stream()).toList();
            rows.add(row(e.lmsId(), e.displayName(), e.email(), "ENROLLED", intervals, f, presented,
                    r -> matching.answeredBy(r, e, theirs), decided));
        }
        for (Attendee a : f.attendees()) {
            if (matching.matched(a)) {
                continue;
            }
            var p = a.participant();
            String status = p.anonymous() ? "ANONYMOUS" : p.guest() ? "GUEST" : "UNMATCHED_ATTENDEE";
            rows.add(row(p.participantKey(), p.displayName(), p.email(), status, a.intervals(), f, presented,
                    r -> Matching.answeredBy(r, a), decided));
        }
        rows.sort(Comparator.comparing((CompletionRow r) -> !r.matchStatus().equals("ENROLLED"))
                .thenComparing(CompletionRow::displayName, Comparator.nullsLast(String::compareToIgnoreCase))
                .thenComparing(CompletionRow::participantId));
        return new CompletionReport(s.sessionId, s.title, s.scheduledStart, s.scheduledEnd, f.rules().name(),
                f.rules().version(), freshness(f, presented.size()), rows);
    }

    private CompletionRow row(String id, String name, String email, String status,
                              List<io.teamscpe.contracts.attendance.Interval> intervals, SessionFacts.Snapshot f,
                              List<SessionFacts.Poll> presented, Predicate<Response> theirs,
                              Map<String, Override> decided) {
        List<Facts.PollFact> polls = new ArrayList<>();
        for (SessionFacts.Poll poll : presented) {
            Instant answered = f.responses().stream().filter(r -> r.pollId().equals(poll.pollId()))
                    .filter(theirs).map(Response::completedAt).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
            polls.add(new Facts.PollFact(poll.pollId(), answered));
        }
        ReportSession s = f.session();
        CreditResult credit = CreditEngine.evaluate(f.rules().rules(),
                new Facts(intervals, s.scheduledStart, s.scheduledEnd, s.maxCredits, polls));
        String reason = status.equals("ANONYMOUS")
                ? credit.reason() + " (anonymous: Teams cannot tie this participant to a professional)"
                : credit.reason();
        Override override = decided.get(id);
        return new CompletionRow(id, name, email, status, first(intervals), last(intervals), intervals.size(),
                credit.minutesPresent(), credit.pollsAnswered(), credit.pollsPresented(), credit.credit(), reason,
                override, override != null ? override.credit() : credit.credit());
    }

    private static Freshness freshness(SessionFacts.Snapshot f, int included) {
        int excluded = f.polls().size() - included;
        Object[] r = f.freshness();
        String note = "Breakout-room time is not available from Teams. Anonymous poll responses count in the polls' "
                + "totals but cannot earn anyone credit.";
        if (r == null) {
            return new Freshness(null, null, null, included, excluded, f.roster().size(),
                    "No attendance yet: refresh the session's attendance after the meeting ends. " + note);
        }
        return new Freshness((String) r[0], (String) r[1], SessionFacts.instant(r[2]), included, excluded,
                f.roster().size(), "Attendance snapshot " + r[0] + " (" + r[1] + ") applied "
                + SessionFacts.instant(r[3]) + ". " + note);
    }

    public static ReportSession session(String firmId, String sessionId) {
        return ReportSession.findInFirm(firmId, sessionId).orElseThrow(() -> new ProblemException(404,
                "not-found", "Session not found", "No session " + sessionId + " is known to reporting in your firm. "
                + "A session created seconds ago may not have arrived yet: try again shortly."));
    }

    private static Instant first(List<io.teamscpe.contracts.attendance.Interval> intervals) {
        return intervals.stream().map(io.teamscpe.contracts.attendance.Interval::joined).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    private static Instant last(List<io.teamscpe.contracts.attendance.Interval> intervals) {
        return intervals.stream().map(io.teamscpe.contracts.attendance.Interval::left).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }
}
