package io.teamscpe.polling.reconcile;

/** What the time check concluded about a file's times and the session (see {@link TimeCheck}). */
public enum TimeVerdict {
    /** Most responses fall inside the meeting under the zone used. */
    OK,
    /** Outside the meeting under the zone used, inside under another UTC offset. */
    SHIFTED,
    /** Inside the meeting under no offset: probably the wrong session. */
    NOT_THIS_SESSION,
    /** The file has no response times. */
    NO_TIMES
}
