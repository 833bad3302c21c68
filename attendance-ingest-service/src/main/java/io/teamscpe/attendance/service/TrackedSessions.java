package io.teamscpe.attendance.service;

import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.platform.readmodel.KnownSessions;
import jakarta.enterprise.context.ApplicationScoped;

/** The sessions this service tracks (platform's session read model), found within the caller's firm. */
@ApplicationScoped
public class TrackedSessions {
    private final KnownSessions sessions;

    public TrackedSessions(KnownSessions sessions) {
        this.sessions = sessions;
    }

    public boolean exists(String firmId, String sessionId) {
        return sessions.findInFirm(firmId, sessionId).isPresent();
    }

    /** The firm's session; an unknown one (or another firm's) is a 404, as everywhere. */
    public KnownSession find(String firmId, String sessionId) {
        return sessions.require(firmId, sessionId, "attendance ingestion");
    }

    /** A session the caller knows is tracked (its ingestion job exists). */
    public KnownSession get(String sessionId) {
        return sessions.find(sessionId).orElseThrow(() -> new IllegalStateException("session " + sessionId
                + " has an ingestion job but is not tracked"));
    }
}
