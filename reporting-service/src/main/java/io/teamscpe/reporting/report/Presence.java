package io.teamscpe.reporting.report;

import io.teamscpe.contracts.attendance.Interval;
import java.util.List;

/** Whether a row's person was in the meeting as far as Teams' attendance says, for either report and its exports. */
public enum Presence {
    /** In the attendance with at least one interval whose join and leave times Teams reported. */
    PRESENT("present"),
    /** Enrolled, but in no attendance record: never joined the meeting. */
    NO_SHOW("no-show: never joined the meeting"),
    /** In the attendance, but Teams did not report the join/leave times of any interval: not the same as absent. */
    TIMES_NOT_REPORTED("joined: join/leave times not reported by Teams");

    /** What the reports' documentation says of the field. */
    public static final String DESCRIPTION = "PRESENT; NO_SHOW: enrolled, never joined the meeting (no attendance "
            + "record); TIMES_NOT_REPORTED: in the attendance, but Teams reported no join/leave times";

    private final String wording;

    Presence(String wording) {
        this.wording = wording;
    }

    /** How the downloads (CSV, XLSX) say it. */
    public String wording() {
        return wording;
    }

    /** @param attended whether any attendance record is tied to the row (an enrolled no-show has none) */
    public static Presence of(boolean attended, List<Interval> intervals) {
        if (!attended) {
            return NO_SHOW;
        }
        for (Interval i : intervals) {
            if (i.joined() != null && i.left() != null) {
                return PRESENT;
            }
        }
        return TIMES_NOT_REPORTED;
    }
}
