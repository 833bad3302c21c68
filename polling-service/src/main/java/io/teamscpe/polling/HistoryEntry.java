package io.teamscpe.polling;

import java.time.Instant;

/** One line of a poll's audit trail (poll_history). */
public record HistoryEntry(int revision, HistoryAction action, String detail, String actor, Instant at) {
}
