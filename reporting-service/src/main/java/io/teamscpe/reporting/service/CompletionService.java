package io.teamscpe.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.platform.readmodel.KnownSessions;
import io.teamscpe.platform.web.PageRequest;
import io.teamscpe.reporting.report.CompletionReport;
import io.teamscpe.reporting.report.CompletionReport.CreditTypeSummary;
import io.teamscpe.reporting.report.CompletionReport.Row;
import io.teamscpe.reporting.report.CompletionRows;
import io.teamscpe.reporting.report.SessionSnapshot;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.zip.GZIPOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The Completion report: per enrolled professional (no-shows included) and per unmatched attendee, per credit type,
 * the credit the type's ruleset suggests with its reason, any override, and the final credit ({@link CompletionRows}).
 * Reads are served from the report
 * computed for the session's current inputs version ({@link ReportInputs}).
 */
@ApplicationScoped
public class CompletionService {
    private final KnownSessions sessions;
    private static final Logger LOG = Logger.getLogger(CompletionService.class);

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
    public static final List<String> SORTS = List.of("displayName", "email", "participantId", "creditType",
            "matchStatus", "minutesPresent", "finalCredit");
    private static final Map<String, Comparator<Row>> ORDERS = Map.of(
            "creditType", Comparator.comparing(Row::creditType),
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
     * One page of the report's rows (of one credit type when {@code creditType} is given; sorted when asked,
     * {@link #SORTS}) with the whole summary, as JSON and, when {@code gzip}, compressed. A page holding every row
     * in the report's own order is the bytes made once per version; any other page is serialised for the request
     * (a page is at most 1,000 rows).
     */
    public EncodedPage reportPage(String firmId, String sessionId, PageRequest page, String creditType,
                                  boolean gzip) {
        Computed c = current(firmId, sessionId);
        CompletionReport r = c.report();
        long version = c.encoded().version();
        if (creditType == null && page.page() == 0 && page.sort() == null && page.size() >= r.rows().size()) {
            return new EncodedPage(version, r.rows().size(), c.encoded().json(), c.encoded().gzip());
        }
        List<Row> rows = ofType(r, creditType);
        byte[] bytes = json.bytes(r.withRows(page.slice(rows, ORDERS)));
        return new EncodedPage(version, rows.size(), bytes, gzip ? gzip(bytes) : null);
    }

    /** The whole report, or only the rows of one credit type (400 unknown-credit-type for a code it lacks). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public CompletionReport report(String firmId, String sessionId, String creditType) {
        CompletionReport r = computed(firmId, sessionId).report();
        return creditType == null ? r : r.withRows(ofType(r, creditType));
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
        return compute(facts.load(s));
    }

    /** Computes the report from facts the caller loaded in its transaction. */
    CompletionReport compute(SessionSnapshot f) {
        long t0 = System.nanoTime();
        KnownSession s = f.session();
        CompletionReport report = CompletionRows.compute(f, overrides.current(s.sessionId()));
        long took = System.nanoTime() - t0;
        computation.record(took, java.util.concurrent.TimeUnit.NANOSECONDS);
        LOG.debugf("completion report of session %s: %d rows in %d ms", s.sessionId(), report.rows().size(),
                took / 1_000_000);
        return report;
    }

    /**
     * The rows of one credit type ({@code creditType} null: every row); 400 {@code unknown-credit-type} for a code
     * the session does not have.
     */
    static List<Row> ofType(CompletionReport r, String creditType) {
        if (creditType == null) {
            return r.rows();
        }
        CreditTypeChoice.require(r.creditTypes().stream().map(CreditTypeSummary::code).toList(), creditType);
        return r.rows().stream().filter(row -> row.creditType().equals(creditType)).toList();
    }
}
