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
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * "Refresh data": starts a fetch in the background and answers at once with the job. Clicking twice while a fetch
 * runs returns the running job.
 */
@ApplicationScoped
public class IngestionService {
    private static final Logger LOG = Logger.getLogger(IngestionService.class);
    private final AttendanceReader reader;
    private final SnapshotStore store;
    private final Staging staging;
    private final SnapshotRepublisher republisher;
    private final ExecutorService workers;
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
     * replicas never fetch the same session; a fetch that made no progress for the lease's length (its pod died)
     * is taken over.
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
        workers.submit(() -> fetch(sessionId, republishIfUnchanged));
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
            failed(sessionId, fetchId, "The fetch failed: " + e.getMessage() + ". The previous data is kept.");
        }
    }

    private void failed(String sessionId, String fetchId, String detail) {
        staging.discard(fetchId);
        finish(sessionId, State.FAILED, detail, null);
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

    /** Starts every automatic fetch that is due; schedules live in the database, so they survive restarts. */
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

    private void finish(String sessionId, State state, String detail, Instant fetchedAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            IngestionJob job = IngestionJob.findById(sessionId);
            job.state = state;
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
