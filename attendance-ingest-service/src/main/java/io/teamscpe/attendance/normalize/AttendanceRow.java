package io.teamscpe.attendance.normalize;

import io.teamscpe.contracts.attendance.Interval;
import java.util.List;

/**
 * One attendance record as a source gives it (a Graph attendanceRecord, or a participant of an uploaded Teams
 * attendance file); several rows of one person (a restarted meeting's reports) become one participant.
 */
public record AttendanceRow(String objectId, String email, String displayName, String role, List<Interval> intervals) {
    public AttendanceRow {
        intervals = intervals == null ? List.of() : List.copyOf(intervals);
    }

    /** The participant this row belongs to: object id, else email, else a stable key for an anonymous joiner. */
    public String participantKey() {
        return ParticipantBuilder.keyOf(objectId, email == null || email.isBlank() ? null : email.trim(),
                displayName, intervals);
    }
}
