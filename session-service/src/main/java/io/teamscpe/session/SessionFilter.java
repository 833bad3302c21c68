package io.teamscpe.session;

import java.time.Instant;

/**
 * Which of a firm's sessions a list shows; every part is optional and they combine: scheduled to start in
 * [{@code from}, {@code to}), of one {@code status}, of one Meeting Organizer (its id, case-insensitive), whose title
 * or description contains {@code text} (case-insensitive).
 */
public record SessionFilter(Instant from, Instant to, Session.Status status, String organizer, String text) {
}
