package io.teamscpe.attendance.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamscpe.attendance.IngestionJob;
import io.teamscpe.attendance.Republished;
import io.teamscpe.attendance.messaging.SnapshotRepublisher;
import io.teamscpe.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** A consumer's request to send a session's current snapshot again (see {@link SnapshotRepublisher}). */
@ApplicationScoped
public class SnapshotRepublishing {
    private final TrackedSessions sessions;
    private final SnapshotRepublisher republisher;

    public SnapshotRepublishing(TrackedSessions sessions, SnapshotRepublisher republisher) {
        this.sessions = sessions;
        this.republisher = republisher;
    }

    /** Sends the snapshot again unless that was done within the last minute; 404 when there is none. */
    public Republished republish(String firmId, String sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            sessions.find(firmId, sessionId);
            IngestionJob job = IngestionJob.findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
            Republished done = republisher.republish(sessionId, job.snapshotId, false);
            if (done == null) {
                throw new ProblemException(404, "no-snapshot", "No attendance snapshot",
                        "Session " + sessionId + " has no attendance snapshot to send again.");
            }
            return done;
        });
    }
}
