package io.teamscpe.attendance.microsoft.teamsfile;

import io.teamscpe.attendance.upload.AttendanceFileException;
import io.teamscpe.attendance.upload.UploadLimits;
import io.teamscpe.attendance.upload.UploadedRecord;
import io.teamscpe.attendance.upload.ParsedAttendanceFile;
import io.teamscpe.contracts.attendance.Interval;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Reads the file Teams gives under "Download attendance list" (the fallback when Graph cannot serve attendance):
 * UTF-16LE, tab-separated, in the downloader's language and date format, times without a zone. The stream is read
 * once and not closed.
 */
public final class TeamsAttendanceFile {
    private TeamsAttendanceFile() {
    }

    /** As {@link #parse(InputStream, ZoneId, Instant, UploadLimits)} with {@link UploadLimits#DEFAULTS}. */
    public static ParsedAttendanceFile parse(InputStream in, ZoneId sessionZone, Instant sessionStart) {
        return parse(in, sessionZone, sessionStart, UploadLimits.DEFAULTS);
    }

    /**
     * Parses a list, reading its times in {@code sessionZone}; {@code sessionStart} (the scheduled start) settles
     * whether dates are month- or day-first, and a list whose meeting started more than a day away is refused.
     *
     * @throws AttendanceFileException saying what is wrong, and on which line
     */
    public static ParsedAttendanceFile parse(InputStream in, ZoneId sessionZone, Instant sessionStart,
                                             UploadLimits limits) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sessionZone, "sessionZone");
        Objects.requireNonNull(sessionStart, "sessionStart");
        FileSections file = FileSections.read(FileText.open(in, limits));
        FileTimes times = FileTimes.choose(file.start, file.stamps, sessionZone, sessionStart);
        List<UploadedRecord> records = Attendees.of(file.participants, file.activities, times);
        Instant start = times.instant(file.start);
        Instant end = times.instant(file.end);
        if (start == null) {
            start = records.stream().flatMap(r -> r.intervals().stream()).map(Interval::joined)
                    .filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
        }
        if (end == null) {
            end = records.stream().flatMap(r -> r.intervals().stream()).map(Interval::left)
                    .filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        }
        return new ParsedAttendanceFile(file.title, start, end, records);
    }
}
