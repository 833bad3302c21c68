package io.teamscpe.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.platform.readmodel.KnownSessions;
import io.teamscpe.platform.web.PageRequest;
import io.teamscpe.reporting.credit.AttendedTime;
import io.teamscpe.reporting.credit.CreditEngine;
import io.teamscpe.reporting.credit.CreditResult;
import io.teamscpe.reporting.credit.Facts;
import io.teamscpe.reporting.report.CompletionReport;
import io.teamscpe.reporting.report.CompletionReport.Freshness;
import io.teamscpe.reporting.report.CompletionReport.Override;
import io.teamscpe.reporting.report.CompletionReport.Row;
import io.teamscpe.reporting.report.MatchStatus;
import io.teamscpe.reporting.report.Matching;
import io.teamscpe.reporting.report.SessionSnapshot;
import io.teamscpe.reporting.report.SessionSnapshot.Response;
import io.teamscpe.reporting.store.Json;
import io.teamscpe.reporting.store.ReportInputs;
import io.teamscpe.reporting.store.Overrides;
import io.teamscpe.reporting.store.SessionFacts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.zip.GZIPOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The Completion report: per enrolled professional (no-shows included) and per unmatched attendee, the credit the
 * session's ruleset suggests with its reason, any override, and the final credit. Reads are served from the report
 * computed for the session's current inputs version ({@link ReportInputs}).
 */
@ApplicationScoped
public class CompletionService {
    private final KnownSessions sessions;
    private static final Logger LOG = Logger.getLogger(CompletionService.class);
    private static final Comparator<Row> ORDER = Comparator
            .comparing((Row r) -> r.matchStatus() != MatchStatus.ENROLLED)
            .thenComparing(Row::displayName, Comparator.nullsLast(String::compareToIgnoreCase))
            .thenComparing(Row::participantId);

    /** A report as computed for one inputs version, and its JSON. */
    private record Computed(CompletionReport report, Encoded encoded) {
    }

    /**
     * The report's JSON for one inputs version, as is and gzip-compressed (half a megabyte of JSON for 1,000
     * participants compresses about tenfold): each request sends bytes made once per change, nothing more.
     */
    public record Encoded(long version, byte[] json, byte[] gzip) {
    }

    /** One page of the report as JSON ({@code gzip} null unless asked for), and how many rows the report has. */
    public record EncodedPage(long version, long rows, byte[] json, byte[] gzip) {
    }

    /** The fields the report's rows sort by; without one they keep the report's order (enrolled first, by name). */
    public static final List<String> SORTS = List.of("displayName", "email", "participantId", "matchStatus",
            "minutesPresent", "finalCredit");
    private static final Map<String, Comparator<Row>> ORDERS = Map.of(
            "displayName", Comparator.comparing(Row::displayName, Comparator.nullsLast(String::compareToIgnoreCase)),
            "email", Comparator.comparing(Row::email, Comparator.nullsLast(String::compareToIgnoreCase)),
            "participantId", Comparator.comparing(Row::participantId),
            "matchStatus", Comparator.comparing(Row::matchStatus),
            "minutesPresent", Comparator.comparingLong(Row::minutesPresent),
            "finalCredit", Comparator.comparing(Row::finalCredit, Comparator.nullsFirst(Comparator.naturalOrder())));

    private final SessionFacts facts;
    private final Overrides overrides;
    private final ReportInputs inputs;
    private final Json json;
    private final VersionedCache<Computed> computed;
    private final Timer computation;

    public CompletionService(KnownSessions sessions, SessionFacts facts, Overrides overrides, ReportInputs inputs,
                             Json json,
                             @ConfigProperty(name = "teamscpe.reporting.cached-reports", defaultValue = "16")
                             int cachedReports, MeterRegistry metrics) {
        this.sessions = sessions;
        this.computation = Timer.builder("teamscpe.report.computation")
                .description("Computing a session's Completion report afresh (cache misses)").register(metrics);
        this.facts = facts;
        this.overrides = overrides;
        this.inputs = inputs;
        this.json = json;
        this.computed = new VersionedCache<>(cachedReports);
    }

    /** In a transaction of its own: it reads one snapshot of the database (see SessionFacts#readOneSnapshot). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public CompletionReport report(String firmId, String sessionId) {
        return computed(firmId, sessionId).report();
    }

    /**
     * The report as JSON, serialised and compressed once per inputs version. A report already computed for the
     * committed version costs one statement; otherwise it is computed in a transaction of its own.
     */
    public Encoded reportJson(String firmId, String sessionId) {
        return current(firmId, sessionId).encoded();
    }

    /**
     * One page of the report's rows (sorted when asked, {@link #SORTS}) with the whole summary, as JSON and, when
     * {@code gzip}, compressed. A page holding every row in the report's own order is the bytes made once per
     * version; any other page is serialised for the request (a page is at most 1,000 rows).
     */
    public EncodedPage reportPage(String firmId, String sessionId, PageRequest page, boolean gzip) {
        Computed c = current(firmId, sessionId);
        CompletionReport r = c.report();
        long version = c.encoded().version();
        if (page.page() == 0 && page.sort() == null && page.size() >= r.rows().size()) {
            return new EncodedPage(version, r.rows().size(), c.encoded().json(), c.encoded().gzip());
        }
        byte[] bytes = json.bytes(new CompletionReport(r.sessionId(), r.title(), r.scheduledStart(),
                r.scheduledEnd(), r.timeZone(), r.ruleset(), r.rulesetVersion(), r.freshness(),
                page.slice(r.rows(), ORDERS)));
        return new EncodedPage(version, r.rows().size(), bytes, gzip ? gzip(bytes) : null);
    }

    private Computed current(String firmId, String sessionId) {
        OptionalLong version = inputs.committedVersion(firmId, sessionId);
        Computed hit = version.isPresent() ? computed.computed(sessionId, version.getAsLong()) : null;
        if (hit != null) {
            return hit;
        }
        return QuarkusTransaction.requiringNew().call(() -> computed(firmId, sessionId));
    }

    private Computed computed(String firmId, String sessionId) {
        facts.readOneSnapshot();
        // the facts are then exactly those of this version, the label the computed report is kept under
        KnownSession session = sessions.require(firmId, sessionId, "reporting");
        long version = inputs.version(firmId, sessionId).orElseThrow();
        return computed.get(sessionId, version, () -> {
            CompletionReport report = compute(session);
            byte[] bytes = json.bytes(report);
            return new Computed(report, new Encoded(version, bytes, gzip(bytes)));
        });
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Computes the report afresh, never from or into the cache: what a transaction that changes inputs sees is not
     * committed yet.
     */
    CompletionReport compute(KnownSession s) {
        long t0 = System.nanoTime();
        SessionSnapshot f = facts.load(s);
        List<Integer> presented = new ArrayList<>();
        for (int i = 0; i < f.polls().size(); i++) {
            if (f.polls().get(i).included()) {
                presented.add(i);
            }
        }
        Map<String, Override> decided = overrides.current(s.sessionId());
        List<Row> rows = new ArrayList<>();
        for (Matching.Participant p : Matching.participants(f)) {
            rows.add(row(p, f, presented, decided.get(p.id())));
        }
        rows.sort(ORDER);
        long took = System.nanoTime() - t0;
        computation.record(took, java.util.concurrent.TimeUnit.NANOSECONDS);
        LOG.debugf("completion report of session %s: %d rows in %d ms", s.sessionId(), rows.size(), took / 1_000_000);
        return new CompletionReport(s.sessionId(), s.title(), s.scheduledStart(), s.scheduledEnd(), s.timeZone(),
                f.rules() == null ? null : f.rules().name(), f.rules() == null ? null : f.rules().version(),
                freshness(f, presented.size()), List.copyOf(rows));
    }

    private static Row row(Matching.Participant p, SessionSnapshot f, List<Integer> presented, Override override) {
        List<Facts.PollFact> polls = new ArrayList<>(presented.size());
        for (int i : presented) {
            Response first = p.firstResponses().get(i);
            polls.add(new Facts.PollFact(f.polls().get(i).pollId(), first == null ? null : first.completedAt()));
        }
        KnownSession s = f.session();
        Facts facts = new Facts(p.intervals(), s.scheduledStart(), s.scheduledEnd(), s.maxCredits(), polls);
        if (f.rules() == null) {
            return waiting(p, facts, override);
        }
        CreditResult credit = CreditEngine.evaluate(f.rules().rules(), facts);
        String reason = p.matchStatus() == MatchStatus.ANONYMOUS
                ? credit.reason() + " (anonymous: Teams cannot tie this participant to a professional)"
                : credit.reason();
        return new Row(p.id(), p.displayName(), p.email(), p.matchStatus(), p.attendance(), p.firstJoin(),
                p.lastLeave(), p.intervals().size(), credit.minutesPresent(), credit.secondsPresent(), credit.pollsAnswered(),
                credit.pollsPresented(), credit.credit(), reason, override,
                override != null ? override.credit() : credit.credit(), p.matchMethod(), p.mappedAttendees());
    }

    /** A row while the session's ruleset has not arrived: the facts, and no credit (an override still shows). */
    private static Row waiting(Matching.Participant p, Facts facts, Override override) {
        long seconds = AttendedTime.within(p.intervals(), facts.windowStart(), facts.windowEnd()).getSeconds();
        int answered = (int) facts.polls().stream().filter(Facts.PollFact::answered).count();
        return new Row(p.id(), p.displayName(), p.email(), p.matchStatus(), p.attendance(), p.firstJoin(),
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
        String waiting = "";
        if (f.rules() == null) {
            KnownSession s = f.session();
            waiting = (s.rulesetId() == null ? "The session names no ruleset: set one in session-service. "
                    : "Waiting for the session's ruleset " + s.rulesetId() + " version " + s.rulesetVersion()
                    + " to reach reporting. ") + "No credit is computed and processing is refused until it has. ";
        }
        boolean incomplete = f.attendanceGap() != null;
        if (r == null) {
            return new Freshness(null, null, null, incomplete, included, excluded, f.roster().size(), waiting
                    + "No attendance yet: refresh the session's attendance after the meeting ends. " + note);
        }
        return new Freshness(r.snapshotId(), r.source(), r.fetchedAt(), incomplete, included, excluded,
                f.roster().size(), waiting + "Attendance snapshot " + r.snapshotId() + " (" + r.source()
                + ") applied " + r.appliedAt() + ". " + note);
    }
}
