package io.teamscpe.attendance.service;

import com.microsoft.kiota.ApiException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamscpe.attendance.IngestionJob;
import io.teamscpe.attendance.IngestionJob.State;
import io.teamscpe.attendance.TrackedSession;
import io.teamscpe.attendance.config.IngestConfig;
import io.quarkus.scheduler.Scheduled;
import java.util.List;
import io.teamscpe.attendance.graph.AttendanceReader;
import io.teamscpe.attendance.service.SnapshotStore.Committed;
import io.teamscpe.platform.graph.GraphFailures;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.events.TransientFailures;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * "Refresh data": starts a fetch in the background and answers at once with the job. Clicking twice while a fetch
 * runs returns the running job (on any replica: the job's row is locked while it is decided).
 *
 * <p>A fetch lives in the memory of the replica that accepted it: a replica that dies (or loses its fetch to a
 * database outage) would leave the job FETCHING with nobody working on it. So each replica renews a heartbeat
 * ({@code updated_at}) of the fetches it holds, queued or running, and the scheduler of any replica starts again
 * a FETCHING job whose heartbeat is older than {@code teamscpe.attendance.fetch-lease}; a fetch that failed
 * transiently is tried again after {@code teamscpe.attendance.transient-retry-delay}.
 */
@ApplicationScoped
public class IngestionService {
    private static final Logger LOG = Logger.getLogger(IngestionService.class);
    private final AttendanceReader reader;
    private final SnapshotStore store;
    private final Staging staging;
    private final SnapshotRepublisher republisher;
    private final ExecutorService workers;
    /** Sessions whose fetch this replica accepted and has not finished: their heartbeat is renewed. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final IngestConfig config;

    private final Timer ingestion;
    private final DistributionSummary participants;

    public IngestionService(AttendanceReader reader, SnapshotStore store, Staging staging,
                            SnapshotRepublisher republisher, IngestConfig config, MeterRegistry metrics) {
        this.ingestion = Timer.builder("teamscpe.attendance.ingestion")
                .description("A completed attendance fetch from Microsoft Graph, reading to committed snapshot")
                .register(metrics);
        this.participants = DistributionSummary.builder("teamscpe.attendance.ingestion.participants")
                .description("Participants per completed attendance fetch").register(metrics);
        this.reader = reader;
        this.store = store;
        this.staging = staging;
        this.republisher = republisher;
        this.config = config;
        this.workers = Executors.newFixedThreadPool(config.concurrentFetches());
    }

    /**
     * An administrator's "Refresh data". With {@code republish}, a fetch that finds Graph's content unchanged sends
     * the current snapshot again anyway, so a report that lost part of it is repaired from the product.
     */
    public IngestionJob refresh(String firmId, String sessionId, boolean republish) {
        return start(firmId, sessionId, republish);
    }

    /**
     * Starts a fetch unless one holds the session's lease: the job row is locked while it is claimed, so two
     * replicas never fetch the same session; a fetch whose heartbeat stopped for the lease's length (its replica
     * died) is taken over.
     */
    private IngestionJob start(String firmId, String sessionId, boolean republishIfUnchanged) {
        IngestionJob job = QuarkusTransaction.requiringNew().call(() -> {
            TrackedSession session = session(firmId, sessionId);
            if (session.cancelled) {
                throw new ProblemException(409, "session-cancelled", "Session cancelled",
                        "The session was cancelled; its attendance is not fetched.");
            }
            IngestionJob j = IngestionJob.findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
            if (j.leased(Instant.now(), config.fetchLease())) {
                return null;
            }
            j.state = State.FETCHING;
            j.nextAttemptAt = null;
            j.detail = "Reading attendance reports from Microsoft Graph.";
            j.pages = 0;
            j.records = 0;
            j.updatedAt = Instant.now();
            return j;
        });
        if (job == null) {
            return status(firmId, sessionId);
        }
        held.add(sessionId);
        workers.submit(() -> {
            try {
                fetch(sessionId, republishIfUnchanged);
            } finally {
                held.remove(sessionId);
            }
        });
        return job;
    }

    /** A consumer's request to send the current snapshot again (see {@link SnapshotRepublisher}). */
    public SnapshotRepublisher.Republished republish(String firmId, String sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            session(firmId, sessionId);
            IngestionJob job = IngestionJob.findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
            SnapshotRepublisher.Republished done = republisher.republish(sessionId, job.snapshotId, false);
            if (done == null) {
                throw new ProblemException(404, "no-snapshot", "No attendance snapshot",
                        "Session " + sessionId + " has no attendance snapshot to send again.");
            }
            return done;
        });
    }

    public IngestionJob status(String firmId, String sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            session(firmId, sessionId);
            return IngestionJob.<IngestionJob>findById(sessionId);
        });
    }

    void fetch(String sessionId, boolean republishIfUnchanged) {
        TrackedSession session = QuarkusTransaction.requiringNew().call(() -> TrackedSession.findById(sessionId));
        String fetchId = staging.begin(sessionId);
        int[] progress = {0, 0};
        long began = System.nanoTime();
        try {
            long[] stagingNanos = {0};
            List<String> reports = reader.read(session, (reportId, raw, rows) -> {
                long t0 = System.nanoTime();
                progress[0]++;
                progress[1] += rows.size();
                QuarkusTransaction.requiringNew().run(() -> {
                    staging.page(fetchId, sessionId, progress[0], reportId, raw, rows);
                    IngestionJob.progress(sessionId, progress[0], progress[1]);
                });
                stagingNanos[0] += System.nanoTime() - t0;
            });
            if (reports.isEmpty()) {
                staging.discard(fetchId);
                waitForReport(session);
                return;
            }
            long read = System.nanoTime();
            QuarkusTransaction.requiringNew().run(() -> {
                IngestionJob job = IngestionJob.findById(sessionId);
                Committed done = store.commit(session, job, fetchId, reports, "graph", null);
                boolean resent = !done.changed() && republishIfUnchanged
                        && republisher.republish(sessionId, done.snapshotId(), true) != null;
                LOG.infof("session %s: read %d pages, %d records in %d ms (%d ms staging them); snapshot %s (%d "
                        + "participants) committed in %d ms", sessionId, progress[0], progress[1],
                        (read - began) / 1_000_000, stagingNanos[0] / 1_000_000,
                        done.changed() ? done.snapshotId() : "unchanged", done.participants(),
                        (System.nanoTime() - read) / 1_000_000);
                ingestion.record(System.nanoTime() - began, java.util.concurrent.TimeUnit.NANOSECONDS);
                participants.record(done.participants());
                job.state = done.participants() == 0 ? State.NO_ATTENDEES : State.READY;
                job.detail = (done.changed() ? "" : "Unchanged since the previous fetch"
                        + (resent ? "; sent again to the reports. " : ". ")) + done.participants()
                        + " participants from " + reports.size() + " report(s).";
                job.reportsUsed = reports;
                job.nextAttemptAt = null;
                job.lastFetchAt = Instant.now();
                job.updatedAt = job.lastFetchAt;
            });
        } catch (ApiException e) {
            failed(sessionId, fetchId, GraphFailures.refused(e, session.organizerId).getMessage()
                    + " The previous data is kept.");
        } catch (WebApplicationException e) {
            failed(sessionId, fetchId, GraphFailures.brokerRefusal(e, session.providerId)
                    + " The previous data is kept.");
        } catch (RuntimeException e) {
            LOG.errorf(e, "attendance fetch of session %s failed", sessionId);
            if (TransientFailures.isTransient(e)) {
                // the database or broker was away: not the session's fault, the scheduler tries again
                Instant next = Instant.now().plus(config.transientRetryDelay());
                staging.discard(fetchId);
                finish(sessionId, State.FAILED, "The fetch was interrupted (" + e.getMessage() + "); it is tried "
                        + "again at " + next + ". The previous data is kept.", null, next);
            } else {
                failed(sessionId, fetchId, "The fetch failed: " + e.getMessage() + ". The previous data is kept.");
            }
        }
    }

    private void failed(String sessionId, String fetchId, String detail) {
        staging.discard(fetchId);
        finish(sessionId, State.FAILED, detail, null, null);
    }

    /** No report yet: wait with growing delays until the horizon, then say the report is missing. */
    private void waitForReport(TrackedSession session) {
        QuarkusTransaction.requiringNew().run(() -> {
            IngestionJob job = IngestionJob.findById(session.sessionId);
            Instant now = Instant.now();
            Instant giveUp = session.scheduledEnd.plus(config.horizon());
            job.attempts++;
            long factor = 1L << Math.min(job.attempts - 1, 10);
            Duration delay = config.retryDelay().multipliedBy(factor);
            delay = delay.compareTo(config.maxRetryDelay()) > 0 ? config.maxRetryDelay() : delay;
            Instant next = now.plus(delay);
            if (next.isAfter(giveUp)) {
                job.state = State.REPORT_MISSING;
                job.nextAttemptAt = null;
                job.detail = "No attendance report covers the session window, " + job.attempts + " attempts until "
                        + giveUp + ". Check that the meeting took place under this Join URL and organizer; if Graph "
                        + "cannot serve it (report older than a year, missing permission), upload the Teams "
                        + "attendance file instead.";
            } else {
                job.state = State.WAITING_FOR_REPORT;
                job.nextAttemptAt = next;
                job.detail = "No attendance report covers the session window yet (Teams publishes them up to about "
                        + "two hours after a meeting ends); next attempt at " + next + ".";
            }
            job.lastFetchAt = now;
            job.updatedAt = now;
        });
    }

    /**
     * Starts every automatic fetch that is due, and every fetch whose replica stopped renewing its heartbeat;
     * schedules live in the database, so they survive restarts.
     */
    @Scheduled(every = "${teamscpe.attendance.scheduler-interval:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void runDueFetches() {
        Instant now = Instant.now();
        List<String> due = QuarkusTransaction.requiringNew().call(() -> IngestionJob.<IngestionJob>list(
                        "(nextAttemptAt <= ?1 and state in ?2) or (state = ?3 and updatedAt < ?4)", now,
                        List.of(State.SCHEDULED, State.WAITING_FOR_REPORT, State.FAILED), State.FETCHING,
                        now.minus(config.fetchLease()))
                .stream().map(j -> j.sessionId).toList());
        for (String sessionId : due) {
            String firm = QuarkusTransaction.requiringNew().call(
                    () -> TrackedSession.<TrackedSession>findById(sessionId).firmId);
            start(firm, sessionId, false);
        }
    }

    /** Renews the heartbeat of the fetches this replica holds, so no other replica takes them for dead. */
    @Scheduled(every = "${teamscpe.attendance.heartbeat-interval:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        if (held.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> IngestionJob.update(
                    "updatedAt = ?1 where sessionId in ?2 and state = ?3", Instant.now(), List.copyOf(held),
                    State.FETCHING));
        } catch (RuntimeException e) {
            LOG.warnf("could not renew the heartbeat of %d fetch(es): %s", held.size(), e.getMessage());
        }
    }

    private void finish(String sessionId, State state, String detail, Instant fetchedAt, Instant nextAttemptAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            IngestionJob job = IngestionJob.findById(sessionId);
            job.state = state;
            job.nextAttemptAt = nextAttemptAt;
            job.detail = detail;
            job.lastFetchAt = fetchedAt != null ? fetchedAt : Instant.now();
            job.updatedAt = Instant.now();
        });
    }

    static boolean sessionExists(String firmId, String sessionId) {
        return TrackedSession.findInFirm(firmId, sessionId).isPresent();
    }

    static TrackedSession session(String firmId, String sessionId) {
        return TrackedSession.findInFirm(firmId, sessionId).orElseThrow(() -> new ProblemException(404,
                "not-found", "Session not found", "No session " + sessionId + " is known to attendance ingestion "
                + "in your firm. A session created seconds ago may not have arrived yet: try again shortly."));
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
