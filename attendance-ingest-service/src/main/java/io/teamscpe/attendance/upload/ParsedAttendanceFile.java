package io.teamscpe.attendance.upload;

import java.time.Instant;
import java.util.List;

/**
 * An uploaded attendance list as read, whatever the platform's file format: the meeting's title and times (from the
 * summary, else the earliest join and the latest leave; null when the file has neither) and one record per
 * participant, in the file's order.
 */
public record ParsedAttendanceFile(String meetingTitle, Instant meetingStart, Instant meetingEnd,
                                   List<UploadedRecord> records) {
    public ParsedAttendanceFile {
        records = List.copyOf(records);
    }
}
