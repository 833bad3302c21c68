package io.teamscpe.session.messaging;

import io.teamscpe.contracts.session.SessionCancelled;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.platform.outbox.Outbox;
import io.teamscpe.session.Session;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Publishes a session's schedule (at its current revision) and its cancellation, in the caller's transaction. */
@ApplicationScoped
public class SessionEvents {
    private final Outbox outbox;

    public SessionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void scheduled(Session s, Instant at) {
        outbox.publish(new SessionScheduled(s.id.toString(), s.firmId, s.revision, s.details(), at));
    }

    public void cancelled(Session s, String reason) {
        outbox.publish(new SessionCancelled(s.id.toString(), s.firmId, reason, s.updatedAt));
    }
}
