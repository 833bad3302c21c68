package io.teamscpe.reporting.service;

import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.platform.readmodel.KnownSessions;
import io.teamscpe.reporting.credit.AttendedTime;
import io.teamscpe.reporting.report.Matching;
import io.teamscpe.reporting.report.RawDataReport;
import io.teamscpe.reporting.report.RawDataReport.PollAnswer;
import io.teamscpe.reporting.report.RawDataReport.Row;
import io.teamscpe.reporting.report.SessionSnapshot;
import io.teamscpe.reporting.report.SessionSnapshot.Response;
import io.teamscpe.reporting.store.SessionFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The Raw Data report: what Teams and the poll exports say, per participant, enrolled no-shows included. */
@ApplicationScoped
public class RawDataService {
    private final KnownSessions sessions;
    static final String NOTE = "Breakout-room time is not available from Teams: time in breakout rooms is not in the "
            + "attendance report. Anonymous poll responders cannot be tied to a participant.";

    private final SessionFacts facts;

    public RawDataService(KnownSessions sessions, SessionFacts facts) {
        this.sessions = sessions;
        this.facts = facts;
    }

    /** In a transaction of its own: it reads one snapshot of the database (see SessionFacts#readOneSnapshot). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RawDataReport report(String firmId, String sessionId) {
        facts.readOneSnapshot();
        KnownSession s = sessions.require(firmId, sessionId, "reporting");
        SessionSnapshot f = facts.load(s);
        List<Row> rows = new ArrayList<>();
        for (Matching.Participant p : Matching.participants(f)) {
            rows.add(row(p, f));
        }
        return new RawDataReport(s.sessionId(), s.title(), s.timeZone(),
                f.freshness() == null ? null : f.freshness().snapshotId(), f.polls(), rows,
                f.attendanceGap() == null ? NOTE : f.attendanceGap().describe() + " " + NOTE);
    }

    private static Row row(Matching.Participant p, SessionSnapshot f) {
        List<PollAnswer> answers = new ArrayList<>(f.polls().size());
        for (int i = 0; i < f.polls().size(); i++) {
            Response r = p.firstResponses().get(i);
            answers.add(new PollAnswer(f.polls().get(i).pollId(), r == null ? null : r.answers(),
                    r == null ? null : r.completedAt()));
        }
        long seconds = AttendedTime.within(p.intervals(), Instant.MIN, Instant.MAX).getSeconds();
        return new Row(p.id(), p.displayName(), p.email(), p.matchStatus(), p.attendance(), p.firstJoin(),
                p.lastLeave(), p.intervals(), seconds / 60, seconds, answers, p.matchMethod(), p.mappedAttendees());
    }
}
