package io.teamscpe.polling;

/** Why a session's polls are matched again (kept in the history and published in PollReconciled). */
public enum RematchReason {
    RESPONDENT_MAPPED,
    ATTENDANCE_CHANGED,
    ENROLLMENT_CHANGED
}
