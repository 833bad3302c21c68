package io.teamscpe.attendance.messaging;

import io.teamscpe.attendance.IngestionJob;
import io.teamscpe.attendance.config.IngestConfig;
import io.teamscpe.contracts.session.SessionCancelled;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.platform.readmodel.KnownSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Keeps the sessions this service must fetch attendance for, from cpe.sessions.v1: the session itself in platform's
 * read model, and its ingestion job, scheduled for after the meeting (or unscheduled when it is cancelled).
 */
@ApplicationScoped
public class SessionTracker {
    private final KnownSessions sessions;
    private final IngestConfig config;

    public SessionTracker(KnownSessions sessions, IngestConfig config) {
        this.sessions = sessions;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(SessionScheduled event) {
        if (!sessions.on(event)) {
            return;
        }
        IngestionJob job = IngestionJob.findById(event.sessionId());
        boolean created = job == null;
        if (created) {
            job = new IngestionJob();
            job.sessionId = event.sessionId();
            job.state = IngestionJob.State.SCHEDULED;
        }
        if (job.state == IngestionJob.State.SCHEDULED) {
            job.nextAttemptAt = event.details().scheduledEnd().plus(config.firstFetchDelay());
            job.detail = "Attendance is fetched automatically from " + job.nextAttemptAt + " (after the meeting "
                    + "ends), or now with Refresh data.";
            job.updatedAt = Instant.now();
        }
        if (created) {
            job.persist();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(SessionCancelled event) {
        if (sessions.on(event)) {
            IngestionJob job = IngestionJob.findById(event.sessionId());
            if (job != null) {
                job.nextAttemptAt = null;
            }
        }
    }
}
