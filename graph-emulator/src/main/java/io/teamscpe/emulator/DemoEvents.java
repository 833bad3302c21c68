package io.teamscpe.emulator;

import static io.teamscpe.emulator.DemoScenario.ORGANIZER_ID;
import static io.teamscpe.emulator.DemoScenario.ORGANIZER_NAME;
import static io.teamscpe.emulator.DemoScenario.ORGANIZER_UPN;

import io.teamscpe.emulator.DemoPeople.Person;
import io.teamscpe.emulator.Scenario.AttendanceRecord;
import io.teamscpe.emulator.Scenario.AttendanceReport;
import io.teamscpe.emulator.Scenario.Identity;
import io.teamscpe.emulator.Scenario.Meeting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo organizer's meetings of the kinds the product must tell apart: a webinar and a town hall (Teams
 * virtual events), a live event, a Meet Now meeting and a channel meeting. Their ids are {@link DemoScenario}'s
 * constants.
 */
final class DemoEvents {

    private static final String NORTHWIND_TENANT = "3e5a7c9b-2f4d-4e6a-8b1c-1d3f5a7c9e2b";

    private final List<Person> cast;
    private final long seed;

    DemoEvents(List<Person> cast, long seed) {
        this.cast = cast;
        this.seed = seed;
    }

    List<Meeting> meetings() {
        return List.of(webinar(), townhall(), liveEvent(), meetNow(), channelMeeting());
    }

    /** A public webinar with attendees from two other firms and one anonymous guest. */
    private Meeting webinar() {
        Instant start = DemoScenario.WEBINAR_START;
        DemoAttendance gen = new DemoAttendance(seed + 20, start, DemoScenario.WEBINAR_END.plusSeconds(64));
        List<AttendanceRecord> records = withOrganizer(gen, cast.subList(120, 140));
        for (Person guest : DemoPeople.cast(seed + 21, 3, "northwind.com")) {
            records.add(gen.record(guest, "Attendee", NORTHWIND_TENANT, DemoAttendance.Pattern.STAYS));
        }
        records.add(new AttendanceRecord(null, "Attendee", new Identity(
                "teamsvisitor:5d1e9c2b7a4f4e8d9c0b1a2f3e4d5c6b", null, null), gen.intervals(DemoAttendance.Pattern.STAYS)));
        return new Meeting(DemoScenario.WEBINAR_MEETING_ID, ORGANIZER_ID, DemoScenario.WEBINAR_JOIN_URL,
                "Fraud Risk in Small Firms (Webinar)", start, DemoScenario.WEBINAR_END, start.minus(Duration.ofDays(30)),
                false, DemoScenario.WEBINAR_THREAD_ID, List.of(report(DemoScenario.WEBINAR_REPORT_ID, start,
                records)), Meeting.WEBINAR);
    }

    /** An organization-wide town hall. */
    private Meeting townhall() {
        Instant start = DemoScenario.TOWNHALL_START;
        DemoAttendance gen = new DemoAttendance(seed + 30, start, DemoScenario.TOWNHALL_END.plusSeconds(41));
        return new Meeting(DemoScenario.TOWNHALL_MEETING_ID, ORGANIZER_ID, DemoScenario.TOWNHALL_JOIN_URL,
                "Q4 Firm Town Hall", start, DemoScenario.TOWNHALL_END, start.minus(Duration.ofDays(21)), false,
                DemoScenario.TOWNHALL_THREAD_ID, List.of(report(DemoScenario.TOWNHALL_REPORT_ID, start,
                withOrganizer(gen, cast.subList(140, 170)))), Meeting.TOWNHALL);
    }

    /** A Teams live event: a broadcast, for which Graph has no attendance report. */
    private Meeting liveEvent() {
        return new Meeting(DemoScenario.LIVE_EVENT_MEETING_ID, ORGANIZER_ID, DemoScenario.LIVE_EVENT_JOIN_URL,
                "Annual Tax Outlook (Live Event)", DemoScenario.LIVE_EVENT_START, DemoScenario.LIVE_EVENT_END,
                DemoScenario.LIVE_EVENT_START.minus(Duration.ofDays(10)), true, DemoScenario.LIVE_EVENT_THREAD_ID,
                List.of());
    }

    /** A Meet Now meeting: never scheduled, so no start or end, but it happened and has a report. */
    private Meeting meetNow() {
        Instant started = Instant.parse("2026-10-06T14:03:17Z");
        DemoAttendance gen = new DemoAttendance(seed + 40, started, started.plusSeconds(1500));
        return new Meeting(DemoScenario.MEET_NOW_MEETING_ID, ORGANIZER_ID, DemoScenario.MEET_NOW_JOIN_URL,
                "Quick huddle: CPE questions", null, null, started, false, DemoScenario.MEET_NOW_THREAD_ID,
                List.of(report(DemoPeople.stableId("report/meet-now"), started,
                        withOrganizer(gen, cast.subList(5, 9)))));
    }

    /** A meeting scheduled in a team's channel. */
    private Meeting channelMeeting() {
        Instant start = DemoScenario.CHANNEL_START;
        DemoAttendance gen = new DemoAttendance(seed + 50, start, DemoScenario.CHANNEL_END.plusSeconds(75));
        return new Meeting(DemoScenario.CHANNEL_MEETING_ID, ORGANIZER_ID, DemoScenario.CHANNEL_JOIN_URL,
                "Audit Team: Peer Review Prep", start, DemoScenario.CHANNEL_END, start.minus(Duration.ofDays(7)), false,
                DemoScenario.CHANNEL_THREAD_ID, List.of(report(DemoPeople.stableId("report/channel"), start,
                        withOrganizer(gen, cast.subList(170, 182)))));
    }

    private static List<AttendanceRecord> withOrganizer(DemoAttendance gen, List<Person> people) {
        List<AttendanceRecord> records = new ArrayList<>();
        records.add(new AttendanceRecord(ORGANIZER_UPN, "Organizer", new Identity(ORGANIZER_ID, ORGANIZER_NAME, null),
                gen.organizerIntervals()));
        for (Person person : people) {
            records.add(gen.record(person, "Attendee", null, gen.pickPattern(1, 1)));
        }
        return records;
    }

    /** The report of a meeting that started on time and ended when the organizer (the first record) left. */
    private static AttendanceReport report(String id, Instant start, List<AttendanceRecord> records) {
        Instant organizerLeft = records.get(0).intervals().get(0).leaveDateTime();
        return new AttendanceReport(id, start.plusMillis(1800), organizerLeft.plusMillis(500), records);
    }
}
