package io.teamscpe.emulator.graph.attendance;

import io.teamscpe.emulator.Scenario.AttendanceRecord;
import io.teamscpe.emulator.Scenario.AttendanceReport;
import io.teamscpe.emulator.Scenario.Identity;
import io.teamscpe.emulator.Scenario.Interval;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * meetingAttendanceReport and attendanceRecord in Graph v1.0's JSON shape. Durations are computed here: whole
 * seconds between join and leave (0 when either is missing); a record's total is the sum of its intervals.
 */
public final class AttendanceJson {

    private AttendanceJson() {
    }

    /** A report; {@code records} null leaves the navigation property out (not expanded). */
    static Map<String, Object> report(AttendanceReport report, List<Object> records) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", report.id());
        json.put("totalParticipantCount", report.records().size());
        json.put("meetingStartDateTime", report.meetingStartDateTime());
        json.put("meetingEndDateTime", report.meetingEndDateTime());
        if (records != null) {
            json.put("attendanceRecords", records);
        }
        return json;
    }

    static Object record(AttendanceRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        Identity identity = record.identity() == null ? new Identity(null, null, null) : record.identity();
        json.put("id", identity.id());
        json.put("emailAddress", record.emailAddress());
        json.put("totalAttendanceInSeconds", totalSeconds(record));
        json.put("role", record.role() == null ? "None" : record.role());
        Map<String, Object> identityJson = new LinkedHashMap<>();
        identityJson.put("id", identity.id());
        identityJson.put("displayName", identity.displayName());
        identityJson.put("tenantId", identity.tenantId());
        json.put("identity", identityJson);
        json.put("attendanceIntervals", record.intervals().stream().map(AttendanceJson::interval).toList());
        return json;
    }

    /** The sum of the record's interval durations, in seconds. */
    public static long totalSeconds(AttendanceRecord record) {
        return record.intervals().stream().mapToLong(AttendanceJson::seconds).sum();
    }

    /** Whole seconds from join to leave; 0 when either is missing or leave precedes join. */
    public static long seconds(Interval interval) {
        if (interval.joinDateTime() == null || interval.leaveDateTime() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(interval.joinDateTime(), interval.leaveDateTime()).getSeconds());
    }

    private static Map<String, Object> interval(Interval interval) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("joinDateTime", interval.joinDateTime());
        json.put("leaveDateTime", interval.leaveDateTime());
        json.put("durationInSeconds", seconds(interval));
        return json;
    }
}
