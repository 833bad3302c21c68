package io.teamscpe.polling;

/** What happened to a poll, as kept in poll_history.action. */
public enum HistoryAction {
    UPLOADED,
    /** The same file read in another time zone. */
    REREAD,
    REPLACED,
    INCLUDED,
    EXCLUDED,
    /** Respondents matched differently after attendance, enrollments or mappings changed. */
    REMATCHED
}
