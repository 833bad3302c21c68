package io.teamscpe.attendance.service;

import io.teamscpe.attendance.TrackedSession;
import io.teamscpe.platform.problem.ProblemException;

/** Finds a session this service tracks within the caller's firm; an unknown one is a 404, as everywhere. */
final class KnownSessions {
    private KnownSessions() {
    }

    static boolean exists(String firmId, String sessionId) {
        return TrackedSession.findInFirm(firmId, sessionId).isPresent();
    }

    static TrackedSession find(String firmId, String sessionId) {
        return TrackedSession.findInFirm(firmId, sessionId).orElseThrow(() -> new ProblemException(404,
                "not-found", "Session not found", "No session " + sessionId + " is known to attendance ingestion "
                + "in your firm. A session created seconds ago may not have arrived yet: try again shortly."));
    }
}
