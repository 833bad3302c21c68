package io.teamscpe.reporting.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.contracts.attendance.Participant;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.reporting.ReportSession;
import io.teamscpe.reporting.credit.CreditEngine;
import io.teamscpe.reporting.credit.CreditResult;
import io.teamscpe.reporting.credit.Ruleset;
import io.teamscpe.reporting.rest.CompletionApi.CompletionReport;
import io.teamscpe.reporting.rest.CompletionApi.CompletionRow;
import io.teamscpe.reporting.rest.CompletionApi.Freshness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The Completion report: each participant's suggested credit under the session's ruleset, with the reason. */
@ApplicationScoped
public class CompletionService {
    private static final TypeReference<List<Interval>> INTERVALS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;

    public CompletionService(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional
    public CompletionReport report(String firmId, String sessionId) {
        ReportSession s = ReportSession.findInFirm(firmId, sessionId).orElseThrow(() -> new ProblemException(404,
                "not-found", "Session not found", "No session " + sessionId + " is known to reporting in your firm. "
                + "A session created seconds ago may not have arrived yet: try again shortly."));
        Ruleset rules = Ruleset.NASBA_GIB;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select participant, intervals from attendance_current where session_id = ?1")
                .setParameter(1, sessionId).getResultList();
        List<CompletionRow> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Participant p = read(row[0].toString(), Participant.class);
            List<Interval> intervals = readIntervals(row[1].toString());
            CreditResult credit = CreditEngine.evaluate(rules, intervals, s.scheduledStart, s.scheduledEnd,
                    s.maxCredits);
            out.add(new CompletionRow(p.participantKey(), p.displayName(), p.email(), matchStatus(p),
                    first(intervals), last(intervals), intervals.size(), credit.minutesPresent(), credit.credit(),
                    credit.reason(), credit.credit()));
        }
        out.sort(Comparator.comparing(CompletionRow::displayName, Comparator.nullsLast(String::compareToIgnoreCase))
                .thenComparing(CompletionRow::participantId));
        return new CompletionReport(sessionId, s.title, s.scheduledStart, s.scheduledEnd, rules.name(),
                rules.version(), freshness(sessionId), out);
    }

    private Freshness freshness(String sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select snapshot_id, source, fetched_at, applied_at from attendance_freshness where session_id = ?1")
                .setParameter(1, sessionId).getResultList();
        if (rows.isEmpty()) {
            return new Freshness(null, null, null, "No attendance yet: refresh the session's attendance after the "
                    + "meeting ends.");
        }
        Object[] r = rows.get(0);
        return new Freshness((String) r[0], (String) r[1], toInstant(r[2]), "Attendance snapshot " + r[0]
                + " (" + r[1] + ") applied " + toInstant(r[3]) + ". Breakout-room time is not available from Teams.");
    }

    private static String matchStatus(Participant p) {
        if (p.anonymous()) {
            return "ANONYMOUS";
        }
        return p.guest() ? "GUEST" : "UNMATCHED_ATTENDEE";
    }

    private static Instant first(List<Interval> intervals) {
        return intervals.stream().map(Interval::joined).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
    }

    private static Instant last(List<Interval> intervals) {
        return intervals.stream().map(Interval::left).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(null);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof java.sql.Timestamp t ? t.toInstant() : null;
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Interval> readIntervals(String text) {
        try {
            return json.readValue(text, INTERVALS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
