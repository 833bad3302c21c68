package io.teamscpe.reporting.report;

/**
 * How an enrolled professional's attendance rows were tied to them; null on a row without attendance (a no-show) and
 * on rows no enrollment claims. (Not "MatchMethod": polling's respondent match methods have that OpenAPI schema name in
 * the merged contract.)
 */
public enum AttendanceMatch {
    /** The attendee's email is the enrollment's email (case-insensitive). */
    EMAIL,
    /** The attendee's email is one of the enrollment's alternate emails. */
    ALTERNATE_EMAIL,
    /**
     * An administrator mapped an attendee to the professional (here, or for the firm earlier: see the row's
     * {@code mappedAttendees}). A professional with attendees tied in several ways shows the least direct one:
     * MAPPED, then ALTERNATE_EMAIL, then EMAIL (the declaration order).
     */
    MAPPED
}
