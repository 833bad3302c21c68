package io.teamscpe.reporting.report;

/** How a row of either report is tied to the session's enrollment. */
public enum MatchStatus {
    /** An enrolled professional (no-shows included). */
    ENROLLED,
    /** An attendee with an identity that no enrollment claims. */
    UNMATCHED_ATTENDEE,
    /** A guest of the meeting. */
    GUEST,
    /** A participant Teams does not identify: never anyone's credit. */
    ANONYMOUS
}
