package io.teamscpe.reporting.report;

import io.teamscpe.contracts.session.CreditType;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.reporting.credit.AttendedTime;
import io.teamscpe.reporting.credit.CreditEngine;
import io.teamscpe.reporting.credit.CreditResult;
import io.teamscpe.reporting.credit.Facts;
import io.teamscpe.reporting.report.CompletionReport.CreditTypeSummary;
import io.teamscpe.reporting.report.CompletionReport.Freshness;
import io.teamscpe.reporting.report.CompletionReport.Override;
import io.teamscpe.reporting.report.CompletionReport.Row;
import io.teamscpe.reporting.report.SessionSnapshot.Response;
import io.teamscpe.reporting.report.SessionSnapshot.TypedRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Computes the Completion report from a session's facts (pure): per participant, a row per credit type — the types an
 * enrolled professional seeks, every type for a row no enrollment claims (what mapping it would earn) — each with its
 * type's ruleset version and maximum; a type whose ruleset has not arrived gets rows without credit.
 */
public final class CompletionRows {
    /** Enrolled first, by name; a participant's rows in the session's order of credit types (the sort is stable). */
    public static final Comparator<Row> ORDER = Comparator
            .comparing((Row r) -> r.matchStatus() != MatchStatus.ENROLLED)
            .thenComparing(Row::displayName, Comparator.nullsLast(String::compareToIgnoreCase))
            .thenComparing(Row::participantId);

    private CompletionRows() {
    }

    /**
     * @param decided the overrides in force: per credit type code, per participant id
     */
    public static CompletionReport compute(SessionSnapshot f, Map<String, Map<String, Override>> decided) {
        KnownSession s = f.session();
        List<Integer> presented = new ArrayList<>();
        for (int i = 0; i < f.polls().size(); i++) {
            if (f.polls().get(i).included()) {
                presented.add(i);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Matching.Participant p : Matching.participants(f)) {
            for (TypedRules t : f.creditTypes()) {
                if (p.seeks(t.code())) {
                    rows.add(row(p, f, presented, t, decided.getOrDefault(t.code(), Map.of()).get(p.id())));
                }
            }
        }
        rows.sort(ORDER);
        List<CreditTypeSummary> types = f.creditTypes().stream().map(CompletionRows::summary).toList();
        return new CompletionReport(s.sessionId(), s.title(), s.scheduledStart(), s.scheduledEnd(), s.timeZone(),
                f.rules() == null ? null : f.rules().name(), f.rules() == null ? null : f.rules().version(), types,
                freshness(f, presented.size()), List.copyOf(rows));
    }

    private static CreditTypeSummary summary(TypedRules t) {
        CreditType c = t.type();
        return new CreditTypeSummary(c.code(), c.rulesetId(), t.waiting() ? null : t.rules().name(),
                t.waiting() ? c.rulesetVersion() : Integer.valueOf(t.rules().version()), c.maxCredits(),
                c.maxCreditsDerived(), t.waiting());
    }

    private static Row row(Matching.Participant p, SessionSnapshot f, List<Integer> presented, TypedRules t,
                           Override override) {
        List<Facts.PollFact> polls = new ArrayList<>(presented.size());
        for (int i : presented) {
            Response first = p.firstResponses().get(i);
            polls.add(new Facts.PollFact(f.polls().get(i).pollId(), first == null ? null : first.completedAt()));
        }
        KnownSession s = f.session();
        Facts facts = new Facts(p.intervals(), s.scheduledStart(), s.scheduledEnd(), t.type().maxCredits(), polls);
        if (t.waiting()) {
            return waiting(p, t.code(), facts, override);
        }
        CreditResult credit = CreditEngine.evaluate(t.rules().rules(), facts);
        String reason = p.matchStatus() == MatchStatus.ANONYMOUS
                ? credit.reason() + " (anonymous: Teams cannot tie this participant to a professional)"
                : credit.reason();
        return new Row(p.id(), t.code(), p.displayName(), p.email(), p.matchStatus(), p.attendance(), p.firstJoin(),
                p.lastLeave(), p.intervals().size(), credit.minutesPresent(), credit.secondsPresent(),
                credit.pollsAnswered(), credit.pollsPresented(), credit.credit(), reason, override,
                override != null ? override.credit() : credit.credit(), p.matchMethod(), p.mappedAttendees());
    }

    /** A row while its credit type's ruleset has not arrived: the facts, and no credit (an override still shows). */
    private static Row waiting(Matching.Participant p, String code, Facts facts, Override override) {
        long seconds = AttendedTime.within(p.intervals(), facts.windowStart(), facts.windowEnd()).getSeconds();
        int answered = (int) facts.polls().stream().filter(Facts.PollFact::answered).count();
        return new Row(p.id(), code, p.displayName(), p.email(), p.matchStatus(), p.attendance(), p.firstJoin(),
                p.lastLeave(), p.intervals().size(), seconds / 60, seconds, answered, facts.polls().size(), null,
                CompletionReport.WAITING, override, override != null ? override.credit() : null, p.matchMethod(),
                p.mappedAttendees());
    }

    private static Freshness freshness(SessionSnapshot f, int included) {
        int excluded = f.polls().size() - included;
        SessionSnapshot.Freshness r = f.freshness();
        String note = (f.attendanceGap() == null ? "" : f.attendanceGap().describe() + " ")
                + "Breakout-room time is not available from Teams. Anonymous poll responses count in the polls' "
                + "totals but cannot earn anyone credit.";
        String waiting = waitingNote(f.creditTypes());
        boolean incomplete = f.attendanceGap() != null;
        if (r == null) {
            return new Freshness(null, null, null, incomplete, included, excluded, f.roster().size(), waiting
                    + "No attendance yet: refresh the session's attendance after the meeting ends. " + note);
        }
        return new Freshness(r.snapshotId(), r.source(), r.fetchedAt(), incomplete, included, excluded,
                f.roster().size(), waiting + "Attendance snapshot " + r.snapshotId() + " (" + r.source()
                + ") applied " + r.appliedAt() + ". " + note);
    }

    /** What the report waits for: the ruleset of the session (one credit type) or of each waiting credit type. */
    private static String waitingNote(List<TypedRules> types) {
        StringBuilder out = new StringBuilder();
        for (TypedRules t : types) {
            if (!t.waiting()) {
                continue;
            }
            CreditType c = t.type();
            if (types.size() == 1) {
                out.append(c.rulesetId() == null ? "The session names no ruleset: set one in session-service. "
                        : "Waiting for the session's ruleset " + c.rulesetId() + " version " + c.rulesetVersion()
                        + " to reach reporting. ").append("No credit is computed and processing is refused until "
                        + "it has. ");
            } else {
                out.append(c.rulesetId() == null ? "Credit type " + c.code() + " names no ruleset: set one in "
                        + "session-service. " : "Credit type " + c.code() + " is waiting for its ruleset "
                        + c.rulesetId() + " version " + c.rulesetVersion() + " to reach reporting. ")
                        .append("No credit of type ").append(c.code())
                        .append(" is computed and processing is refused until it has. ");
            }
        }
        return out.toString();
    }
}
