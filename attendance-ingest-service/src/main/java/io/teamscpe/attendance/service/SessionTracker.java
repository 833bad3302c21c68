package io.teamscpe.attendance.service;

import io.teamscpe.attendance.IngestionJob;
import io.teamscpe.attendance.TrackedSession;
import io.teamscpe.contracts.session.SessionCancelled;
import io.teamscpe.contracts.session.SessionDetails;
import io.teamscpe.contracts.session.SessionScheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Keeps the sessions this service must fetch attendance for, from cpe.sessions.v1. */
@ApplicationScoped
public class SessionTracker {

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
        if (IngestionJob.findById(s.sessionId) == null) {
            IngestionJob job = new IngestionJob();
            job.sessionId = s.sessionId;
            job.state = IngestionJob.State.SCHEDULED;
            job.detail = "Attendance is fetched after the meeting ends (" + d.scheduledEnd() + "), or on Refresh.";
            job.updatedAt = Instant.now();
            job.persist();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(SessionCancelled event) {
        TrackedSession s = TrackedSession.findById(event.sessionId());
        if (s != null) {
            s.cancelled = true;
        }
    }
}
