package io.teamscpe.attendance.microsoft.teamsfile;

import io.teamscpe.attendance.AttendanceFileFormat;
import io.teamscpe.attendance.upload.ParsedAttendanceFile;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;

/** The Teams "Download attendance list" file as this product's {@link AttendanceFileFormat}. */
@ApplicationScoped
public class TeamsAttendanceFileFormat implements AttendanceFileFormat {
    @Override
    public ParsedAttendanceFile parse(InputStream content, ZoneId sessionZone, Instant sessionStart) {
        return TeamsAttendanceFile.parse(content, sessionZone, sessionStart);
    }
}
