package io.teamscpe.attendance.service;

import io.teamscpe.attendance.IngestionJob;
import io.teamscpe.attendance.TrackedSession;
import io.teamscpe.contracts.session.SessionCancelled;
import io.teamscpe.contracts.session.SessionDetails;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.attendance.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Keeps the sessions this service must fetch attendance for, from cpe.sessions.v1. */
@ApplicationScoped
public class SessionTracker {
    private final IngestConfig config;

    public SessionTracker(IngestConfig config) {
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(SessionScheduled event) {
        TrackedSession s = TrackedSession.findById(event.sessionId());
        if (s != null && s.revision >= event.revision()) {
            return;
        }
        if (s == null) {
            s = new TrackedSession();
            s.sessionId = event.sessionId();
            s.firmId = event.firmId();
        }
        SessionDetails d = event.details();
        s.providerId = d.providerId();
        s.organizerId = d.organizerId();
        s.meetingId = d.meetingId();
        s.scheduledStart = d.scheduledStart();
        s.scheduledEnd = d.scheduledEnd();
        s.timeZone = d.timeZone();
        s.revision = event.revision();
        s.persist();
        IngestionJob job = IngestionJob.findById(s.sessionId);
        boolean created = job == null;
        if (created) {
            job = new IngestionJob();
            job.sessionId = s.sessionId;
            job.state = IngestionJob.State.SCHEDULED;
        }
        if (job.state == IngestionJob.State.SCHEDULED) {
            job.nextAttemptAt = d.scheduledEnd().plus(config.firstFetchDelay());
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
        TrackedSession s = TrackedSession.findById(event.sessionId());
        if (s != null) {
            s.cancelled = true;
            IngestionJob job = IngestionJob.findById(s.sessionId);
            if (job != null) {
                job.nextAttemptAt = null;
            }
        }
    }
}
