package io.teamscpe.attendance.microsoft;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.models.MeetingAttendanceReport;
import com.microsoft.graph.models.MeetingAttendanceReportCollectionResponse;
import com.microsoft.kiota.ApiException;
import io.teamscpe.attendance.AttendanceSource;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.platform.graph.GraphFailures;
import io.teamscpe.platform.graph.GraphRetry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads a session's attendance from Graph: the reports whose meeting overlaps the session window (another
 * occurrence of a recurring meeting never mixes in), then every record page, following {@code @odata.nextLink}
 * verbatim, handing each page (its body as sent, and its rows) to the caller as soon as it arrives while the next
 * one is fetched, so memory holds two pages whatever the meeting's size. Every request goes through
 * {@link GraphRetry} (budget, 429/503/504/timeouts, token renewal). Worker threads only. This product's
 * {@link AttendanceSource} for Microsoft Teams.
 */
@ApplicationScoped
public class AttendanceReader implements AttendanceSource {
    private final GraphAccess access;
    private final GraphRetry retry;
    private final ObjectMapper json;
    /** Fetches a fetch's next page; one fetch has one request in flight, so its connection is used in turn. */
    private final ExecutorService prefetch = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "graph-attendance-prefetch");
        t.setDaemon(true);
        return t;
    });

    public AttendanceReader(GraphAccess access, GraphRetry retry, ObjectMapper json) {
        this.access = access;
        this.retry = retry;
        this.json = json;
    }

    @Override
    public String name() {
        return "graph";
    }

    /** Reads every page of the reports that cover the session; returns their ids (empty: no report yet). */
    @Override
    public List<String> read(KnownSession session, PageSink sink) {
        GraphAccess.Connection graph = access.connect(session);
        MeetingAttendanceReportCollectionResponse listed = retry.call(session.providerId(), graph::renew,
                () -> graph.reports(session.meetingId()).get());
        List<String> chosen = new ArrayList<>();
        for (MeetingAttendanceReport report : listed == null || listed.getValue() == null
                ? List.<MeetingAttendanceReport>of() : listed.getValue()) {
            if (!overlaps(report, session)) {
                continue;
            }
            chosen.add(report.getId());
            // the next page is fetched while the caller stores this one: two pages in memory at most
            CompletableFuture<RecordsPage> pending = fetch(session, graph, graph.recordsUrl(session.meetingId(),
                    report.getId()));
            while (pending != null) {
                RecordsPage page = await(pending);
                pending = page.nextLink() == null ? null : fetch(session, graph, page.nextLink());
                sink.page(report.getId(), page.body(), page.rows());
            }
        }
        return chosen;
    }

    /** A Graph refusal (access policy, permission) or the token broker's, explained; null for any other failure. */
    @Override
    public String refusal(RuntimeException failure, KnownSession session) {
        if (failure instanceof ApiException e) {
            return GraphFailures.refused(e, session.organizerId()).getMessage();
        }
        if (failure instanceof WebApplicationException e) {
            return GraphFailures.brokerRefusal(e, session.providerId());
        }
        return null;
    }

    private CompletableFuture<RecordsPage> fetch(KnownSession session, GraphAccess.Connection graph, String url) {
        return CompletableFuture.supplyAsync(() -> RecordsPage.parse(json, retry.call(session.providerId(),
                graph::renew, () -> graph.records(url))), prefetch);
    }

    private static RecordsPage await(CompletableFuture<RecordsPage> page) {
        try {
            return page.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @PreDestroy
    void stop() {
        prefetch.shutdownNow();
    }

    private static boolean overlaps(MeetingAttendanceReport r, KnownSession s) {
        OffsetDateTime start = r.getMeetingStartDateTime();
        OffsetDateTime end = r.getMeetingEndDateTime();
        return start != null && end != null
                && start.toInstant().isBefore(s.scheduledEnd()) && end.toInstant().isAfter(s.scheduledStart());
    }
}
