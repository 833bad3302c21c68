package io.teamscpe.session;

/** One page of a session's roster ({@code roster.enrollments()} holds the page) and how many are enrolled in all. */
public record RosterPage(Roster roster, long enrolled) {
}
