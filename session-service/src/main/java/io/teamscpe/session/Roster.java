package io.teamscpe.session;

import java.util.List;
import java.util.UUID;

/** A session's roster at its revision; {@code changed} is false when the request changed nothing (no event). */
public record Roster(UUID sessionId, int rosterRevision, boolean changed, List<Enrollment> enrollments) {
}
