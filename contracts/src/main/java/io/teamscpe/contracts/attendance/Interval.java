package io.teamscpe.contracts.attendance;

import java.time.Instant;

/** One join/leave of one device, UTC. Either end may be null when Teams lacks the data. */
public record Interval(Instant joined, Instant left) {
}
