package io.teamscpe.emulator;

import io.teamscpe.emulator.DemoPeople.Person;
import io.teamscpe.emulator.Scenario.AttendanceRecord;
import io.teamscpe.emulator.Scenario.AttendanceReport;
import io.teamscpe.emulator.Scenario.Identity;
import io.teamscpe.emulator.Scenario.Interval;
import io.teamscpe.emulator.Scenario.Meeting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A big meeting of the demo organizer for load and paging tests: one report with {@code attendees} records (the
 * organizer first) and 1 to 5 intervals each, about 3 on average. Every 1,000th pair of records is an anonymous
 * {@code teamsvisitor:} guest (no email, no display name) and a named guest without email; the last three records
 * are always such guests and one record whose only interval is empty. Deterministic for a seed, and cheap: 10,000
 * attendees take a few milliseconds.
 */
public final class LargeMeeting {

    private static final String DOMAIN = "contoso.com";
    private static final String EXTERNAL_TENANT = "2d4f6a8c-1e3b-4d5f-9a7c-0b2d4f6a8c1e";

    private LargeMeeting() {
    }

    /** The thread id for a suffix: {@code 19:meeting_<suffix>@thread.v2}. */
    public static String threadId(String threadSuffix) {
        return "19:meeting_" + threadSuffix + "@thread.v2";
    }

    /** The id of the meeting's one attendance report, stable for the suffix. */
    public static String reportId(String threadSuffix) {
        return DemoPeople.stableId("large-meeting-report/" + threadSuffix);
    }

    public static Meeting build(String threadSuffix, int attendees, long seed, Instant start, Duration length) {
        if (attendees < 1) {
            throw new IllegalArgumentException("a meeting has at least its organizer: attendees >= 1");
        }
        String thread = threadId(threadSuffix);
        Instant end = start.plus(length);
        SplittableRandom random = new SplittableRandom(seed);
        List<AttendanceRecord> records = new ArrayList<>(attendees);
        records.add(new AttendanceRecord(DemoScenario.ORGANIZER_UPN, "Organizer", new Identity(
                DemoScenario.ORGANIZER_ID, DemoScenario.ORGANIZER_NAME, null),
                List.of(new Interval(start.minusSeconds(240), end.plusSeconds(30)))));
        for (int i = 1; i < attendees; i++) {
            records.add(record(i, attendees, random, start, end));
        }
        AttendanceReport report = new AttendanceReport(reportId(threadSuffix), start.plusSeconds(2),
                end.plusSeconds(31), records);
        return new Meeting(DemoScenario.meetingId(thread), DemoScenario.ORGANIZER_ID, DemoScenario.joinUrl(thread),
                "Large meeting (" + attendees + " attendees)", start, end, start.minus(Duration.ofDays(14)), false,
                thread, List.of(report));
    }

    private static AttendanceRecord record(int i, int attendees, SplittableRandom random, Instant start, Instant end) {
        if (i == attendees - 1 || i % 1000 == 998) {
            return new AttendanceRecord(null, "Attendee", new Identity("teamsvisitor:"
                    + DemoPeople.stableId("visitor/" + i).replace("-", ""), null, null), intervals(random, start, end));
        }
        if (i == attendees - 2 || i % 1000 == 999) {
            return new AttendanceRecord("", "Attendee", new Identity(DemoPeople.stableId("guest/" + i),
                    "Guest " + i + " (Guest)", null), intervals(random, start, end));
        }
        Person person = DemoPeople.numbered(i - 1, i % 50 == 0 ? "fabrikam.com" : DOMAIN);
        Identity identity = new Identity(person.id(), person.displayName(), i % 50 == 0 ? EXTERNAL_TENANT : null);
        List<Interval> intervals = i == attendees - 3 ? List.of(new Interval(null, null))
                : intervals(random, start, end);
        return new AttendanceRecord(person.email(), i % 200 == 1 ? "Presenter" : "Attendee", identity, intervals);
    }

    /** 1–5 stays in order, separated by short gaps, from around the start to around the end. */
    private static List<Interval> intervals(SplittableRandom random, Instant start, Instant end) {
        int count = 1 + random.nextInt(5);
        long meetingMillis = end.toEpochMilli() - start.toEpochMilli();
        long at = start.toEpochMilli() - 300_000 + random.nextLong(600_000);
        List<Interval> intervals = new ArrayList<>(count);
        for (int k = 0; k < count && (k == 0 || at < end.toEpochMilli() - 60_000); k++) {
            long left = Math.max(60_000, end.toEpochMilli() - at);
            long stay = k == count - 1 ? left - random.nextLong(Math.min(left, 420_000))
                    : left / (count - k) / 2 + random.nextLong(Math.max(1, left / (count - k) / 2));
            long leave = Math.max(at, Math.min(at + Math.max(stay, 30_000), end.toEpochMilli() + meetingMillis / 100));
            intervals.add(new Interval(Instant.ofEpochMilli(at), Instant.ofEpochMilli(leave)));
            at = leave + 20_000 + random.nextLong(280_000);
        }
        return intervals;
    }
}
