package io.teamscpe.reporting.service;

import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.reporting.ReportSession;
import io.teamscpe.reporting.credit.AttendedTime;
import io.teamscpe.reporting.rest.RawDataApi.PollAnswer;
import io.teamscpe.reporting.rest.RawDataApi.PollColumn;
import io.teamscpe.reporting.rest.RawDataApi.RawDataReport;
import io.teamscpe.reporting.rest.RawDataApi.RawRow;
import io.teamscpe.reporting.service.SessionFacts.Attendee;
import io.teamscpe.reporting.service.SessionFacts.Enrolled;
import io.teamscpe.reporting.service.SessionFacts.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** The Raw Data report: what Teams and the poll exports say, per participant, enrolled no-shows included. */
@ApplicationScoped
public class RawDataService {
    static final String NOTE = "Breakout-room time is not available from Teams: time in breakout rooms is not in the "
            + "attendance report. Anonymous poll responders cannot be tied to a participant.";

    private final SessionFacts facts;

    public RawDataService(SessionFacts facts) {
        this.facts = facts;
    }

    @Transactional
    public RawDataReport report(String firmId, String sessionId) {
        ReportSession s = CompletionService.session(firmId, sessionId);
        SessionFacts.Snapshot f = facts.load(s);
        Matching matching = new Matching(f.roster(), f.attendees());
        List<RawRow> rows = new ArrayList<>();
        for (Enrolled e : f.roster()) {
            List<Attendee> theirs = matching.attendeesOf(e);
            rows.add(row(e.lmsId(), e.displayName(), e.email(), "ENROLLED",
                    theirs.stream().flatMap(a -> a.intervals().stream()).toList(), f,
                    r -> matching.answeredBy(r, e, theirs)));
        }
        for (Attendee a : f.attendees()) {
            if (!matching.matched(a)) {
                var p = a.participant();
                rows.add(row(p.participantKey(), p.displayName(), p.email(),
                        p.anonymous() ? "ANONYMOUS" : p.guest() ? "GUEST" : "UNMATCHED_ATTENDEE", a.intervals(), f,
                        r -> Matching.answeredBy(r, a)));
            }
        }
        List<PollColumn> polls = f.polls().stream()
                .map(p -> new PollColumn(p.pollId(), p.question(), p.included(), p.fileName(), p.sha256())).toList();
        return new RawDataReport(s.sessionId, s.title, f.freshness() == null ? null : (String) f.freshness()[0],
                polls, rows, NOTE);
    }

    private static RawRow row(String id, String name, String email, String status, List<Interval> intervals,
                              SessionFacts.Snapshot f, Predicate<Response> theirs) {
        List<PollAnswer> answers = new ArrayList<>();
        for (SessionFacts.Poll poll : f.polls()) {
            Response r = f.responses().stream().filter(x -> x.pollId().equals(poll.pollId())).filter(theirs)
                    .min(Comparator.comparing(Response::completedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                    .orElse(null);
            answers.add(new PollAnswer(poll.pollId(), r == null ? null : r.answers(),
                    r == null ? null : r.completedAt()));
        }
        long minutes = AttendedTime.within(intervals, Instant.MIN, Instant.MAX).toMinutes();
        return new RawRow(id, name, email, status,
                intervals.stream().map(Interval::joined).filter(Objects::nonNull).min(Comparator.naturalOrder())
                        .orElse(null),
                intervals.stream().map(Interval::left).filter(Objects::nonNull).max(Comparator.naturalOrder())
                        .orElse(null),
                intervals, minutes, answers);
    }
}
