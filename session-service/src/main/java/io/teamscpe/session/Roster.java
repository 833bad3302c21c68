package io.teamscpe.session;

import io.teamscpe.platform.web.ETag;
import java.util.List;
import java.util.UUID;

/** A session's roster at its revision; {@code changed} is false when the request changed nothing (no event). */
public record Roster(UUID sessionId, int rosterRevision, boolean changed, List<Enrollment> enrollments) {
    /** The roster's ETag: every change of the roster bumps its revision. */
    public static ETag etag(int rosterRevision) {
        return new ETag("roster", rosterRevision);
    }

    public ETag etag() {
        return etag(rosterRevision);
    }
}
