package io.teamscpe.attendance;

import io.teamscpe.attendance.upload.AttendanceFileException;
import io.teamscpe.attendance.upload.ParsedAttendanceFile;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The seam to the meeting platform's downloadable attendance file: parses an uploaded file into the product's
 * records (the Teams "Download attendance list" implementation lives in {@code microsoft/teamsfile/}).
 */
public interface AttendanceFileFormat {
    /**
     * Parses a file, reading its times in {@code sessionZone}; {@code sessionStart} is the session's scheduled start.
     *
     * @throws AttendanceFileException saying what is wrong, and on which line
     */
    ParsedAttendanceFile parse(InputStream content, ZoneId sessionZone, Instant sessionStart);
}
