package io.teamscpe.attendance.service;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamscpe.attendance.AttendanceSource;
import io.teamscpe.attendance.IngestionJob;
import io.teamscpe.attendance.IngestionJob.State;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.attendance.config.IngestConfig;
import io.teamscpe.attendance.messaging.SnapshotRepublisher;
import io.teamscpe.attendance.service.SnapshotCommit.Committed;
import io.teamscpe.attendance.store.Staging;
import io.teamscpe.platform.events.TransientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One fetch of a session's attendance from its {@link AttendanceSource}: every page staged as it arrives, then
 * committed as the session's snapshot; no report yet means waiting with growing delays, a failure keeps the
 * previous data. Runs on a worker thread of {@link FetchScheduler}, one transaction per step.
 */
@ApplicationScoped
public class AttendanceFetch {
    private final TrackedSessions sessions;
    private static final Logger LOG = Logger.getLogger(AttendanceFetch.class);
    private final AttendanceSource source;
    private final Staging staging;
    private final SnapshotCommit commit;
    private final SnapshotRepublisher republisher;
    private final IngestConfig config;
    private final Timer ingestion;
    private final DistributionSummary participants;

    public AttendanceFetch(TrackedSessions sessions, AttendanceSource source, Staging staging, SnapshotCommit commit,
                           SnapshotRepublisher republisher, IngestConfig config, MeterRegistry metrics) {
        this.sessions = sessions;
        this.ingestion = Timer.builder("teamscpe.attendance.ingestion")
                .description("A completed attendance fetch from Microsoft Graph, reading to committed snapshot")
                .register(metrics);
        this.participants = DistributionSummary.builder("teamscpe.attendance.ingestion.participants")
                .description("Participants per completed attendance fetch").register(metrics);
        this.source = source;
        this.staging = staging;
        this.commit = commit;
        this.republisher = republisher;
        this.config = config;
    }

    /** Fetches the session's attendance; with {@code republishIfUnchanged} an unchanged snapshot is sent again. */
    public void fetch(String sessionId, boolean republishIfUnchanged) {
        KnownSession session = QuarkusTransaction.requiringNew().call(() -> sessions.get(sessionId));
        String fetchId = QuarkusTransaction.requiringNew().call(() -> staging.begin(sessionId));
        int[] progress = {0, 0};
        long began = System.nanoTime();
        try {
            long[] stagingNanos = {0};
            List<String> reports = source.read(session, (reportId, raw, rows) -> {
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
                discard(fetchId);
                waitForReport(session);
                return;
            }
            long read = System.nanoTime();
            QuarkusTransaction.requiringNew().run(() -> {
                IngestionJob job = IngestionJob.findById(sessionId);
                Committed done = commit.commit(session, job, fetchId, reports, source.name(), null);
                boolean resent = !done.changed() && republishIfUnchanged
                        && republisher.republish(sessionId, done.snapshotId(), true) != null;
                LOG.infof("session %s: read %d pages, %d records in %d ms (%d ms staging them); snapshot %s (%d "
                        + "participants) committed in %d ms", sessionId, progress[0], progress[1],
                        (read - began) / 1_000_000, stagingNanos[0] / 1_000_000,
                        done.changed() ? done.snapshotId() : "unchanged", done.participants(),
                        (System.nanoTime() - read) / 1_000_000);
                ingestion.record(System.nanoTime() - began, TimeUnit.NANOSECONDS);
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
        } catch (RuntimeException e) {
            String refusal = source.refusal(e, session);
            if (refusal != null) {
                failed(sessionId, fetchId, refusal + " The previous data is kept.");
                return;
            }
            LOG.errorf(e, "attendance fetch of session %s failed", sessionId);
            if (TransientFailures.isTransient(e)) {
                // the database or broker was away: not the session's fault, the scheduler tries again
                Instant next = Instant.now().plus(config.transientRetryDelay());
                discard(fetchId);
                finish(sessionId, State.FAILED, "The fetch was interrupted (" + e.getMessage() + "); it is tried "
                        + "again at " + next + ". The previous data is kept.", next);
            } else {
                failed(sessionId, fetchId, "The fetch failed: " + e.getMessage() + ". The previous data is kept.");
            }
        }
    }

    private void failed(String sessionId, String fetchId, String detail) {
        discard(fetchId);
        finish(sessionId, State.FAILED, detail, null);
    }

    private void discard(String fetchId) {
        QuarkusTransaction.requiringNew().run(() -> staging.discard(fetchId));
    }

    /** No report yet: wait with growing delays until the horizon, then say the report is missing. */
    private void waitForReport(KnownSession session) {
        QuarkusTransaction.requiringNew().run(() -> {
            IngestionJob job = IngestionJob.findById(session.sessionId());
            Instant now = Instant.now();
            Instant giveUp = session.scheduledEnd().plus(config.horizon());
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

    private void finish(String sessionId, State state, String detail, Instant nextAttemptAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            IngestionJob job = IngestionJob.findById(sessionId);
            job.state = state;
            job.nextAttemptAt = nextAttemptAt;
            job.detail = detail;
            job.lastFetchAt = Instant.now();
            job.updatedAt = Instant.now();
        });
    }
}
