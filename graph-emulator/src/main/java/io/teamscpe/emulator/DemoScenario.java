package io.teamscpe.emulator;

import io.teamscpe.emulator.DemoAttendance.Pattern;
import io.teamscpe.emulator.DemoPeople.Person;
import io.teamscpe.emulator.Scenario.AccessPolicy;
import io.teamscpe.emulator.Scenario.App;
import io.teamscpe.emulator.Scenario.AttendanceRecord;
import io.teamscpe.emulator.Scenario.AttendanceReport;
import io.teamscpe.emulator.Scenario.Identity;
import io.teamscpe.emulator.Scenario.Interval;
import io.teamscpe.emulator.Scenario.Meeting;
import io.teamscpe.emulator.Scenario.Secret;
import io.teamscpe.emulator.Scenario.Tenant;
import io.teamscpe.emulator.Scenario.User;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The demo world: tenant "Contoso CPE" with the Teams CPE app registration, an organizer and a few directory
 * users, the finished 100-minute meeting "Ethics for CPAs 2026" (one report, 200 records, three presenters), a
 * recurring meeting with two reports, and the special kinds of {@link DemoEvents}: webinar, town hall, live event,
 * Meet Now and channel meeting. Deterministic: every call builds the same scenario.
 */
public final class DemoScenario {

    public static final String TENANT_ID = "8f3c2b1a-6d4e-4f7a-9b2c-5e1d0a7c3f64";
    public static final String TENANT_NAME = "Contoso CPE";
    public static final String CLIENT_ID = "4b7e1f2d-93a8-4c56-b0de-1a2f3c4d5e6f";
    public static final String CLIENT_SECRET = "Qx48Q~demo.TeamsCpe-Contoso_Secret2028";
    public static final Instant CLIENT_SECRET_EXPIRES = Instant.parse("2028-01-01T00:00:00Z");
    public static final List<String> APPLICATION_PERMISSIONS = List.of("OnlineMeetings.ReadWrite.All",
            "OnlineMeetingArtifact.Read.All", "User.Read.All", "Calendars.ReadWrite", "VirtualEvent.Read.All");

    /** Apps for the "validate credential" failure modes: expired secret, no access policy, no admin consent. */
    public static final String EXPIRED_CLIENT_ID = "5c8f2a3e-a4b9-4d67-81ef-2b3a4d5e6f70";
    public static final String EXPIRED_CLIENT_SECRET = "Zr21Q~demo.expired-secret-2025";
    public static final String NO_POLICY_CLIENT_ID = "6d903b4f-b5ca-4e78-92f0-3c4b5e6f7081";
    public static final String NO_POLICY_CLIENT_SECRET = "Wp93Q~demo.no-access-policy";
    public static final String NO_CONSENT_CLIENT_ID = "7ea14c50-c6db-4f89-a301-4d5c6f708192";
    public static final String NO_CONSENT_CLIENT_SECRET = "Vn57Q~demo.no-admin-consent";

    public static final String ORGANIZER_ID = "dc17674c-81d9-4adb-bfb2-8f6a442e4cb1";
    public static final String ORGANIZER_NAME = "Dana Whitaker";
    public static final String ORGANIZER_UPN = "dana.whitaker@contoso.com";

    public static final String MEETING_SUBJECT = "Ethics for CPAs 2026";
    public static final Instant MEETING_START = Instant.parse("2026-10-05T16:00:00Z");
    public static final Instant MEETING_END = Instant.parse("2026-10-05T17:40:00Z");
    public static final String THREAD_ID = "19:meeting_" + base64("e3b0c442-98fc-4c14-9afb-f4c8996fb924") + "@thread.v2";
    public static final String JOIN_URL = joinUrl(THREAD_ID);
    public static final String MEETING_ID = meetingId(THREAD_ID);
    public static final String REPORT_ID = "c9b6db1c-4d2e-4f0b-8a71-93e5d2c6b1a0";
    public static final Instant REPORT_START = Instant.parse("2026-10-05T16:00:02.100Z");
    public static final Instant REPORT_END = Instant.parse("2026-10-05T17:41:49.700Z");
    /** Records in the main report, organizer and guests included. */
    public static final int RECORD_COUNT = 200;

    public static final String RECURRING_SUBJECT = "Tax Update Series";
    public static final String RECURRING_THREAD_ID = "19:meeting_" + base64("5f1c7a2e-0b6d-4e3f-a8c9-7d2e6b4f1a03")
            + "@thread.v2";
    public static final String RECURRING_JOIN_URL = joinUrl(RECURRING_THREAD_ID);
    public static final String RECURRING_MEETING_ID = meetingId(RECURRING_THREAD_ID);
    public static final String RECURRING_REPORT_1_ID = "0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b";
    public static final String RECURRING_REPORT_2_ID = "0a1b2c3d-2222-4e5f-8a9b-0c1d2e3f4a5b";

    /** The organizer's webinar (a Teams virtual event); its one session is this online meeting. */
    public static final Instant WEBINAR_START = Instant.parse("2026-10-07T15:00:00Z");
    public static final Instant WEBINAR_END = Instant.parse("2026-10-07T16:30:00Z");
    public static final String WEBINAR_THREAD_ID = "19:meeting_" + base64("7c2e9a41-3b5d-4f60-9e8a-2d4c6b8f0a13")
            + "@thread.v2";
    public static final String WEBINAR_JOIN_URL = joinUrl(WEBINAR_THREAD_ID);
    public static final String WEBINAR_MEETING_ID = meetingId(WEBINAR_THREAD_ID);
    /** The id under {@code /solutions/virtualEvents/webinars/}. */
    public static final String WEBINAR_ID = Meeting.virtualEventId(WEBINAR_MEETING_ID, TENANT_ID);
    public static final String WEBINAR_REPORT_ID = "d4e5f6a7-3333-4b5c-9d0e-1f2a3b4c5d6e";

    /** The organizer's town hall (a Teams virtual event). */
    public static final Instant TOWNHALL_START = Instant.parse("2026-10-08T17:00:00Z");
    public static final Instant TOWNHALL_END = Instant.parse("2026-10-08T18:00:00Z");
    public static final String TOWNHALL_THREAD_ID = "19:meeting_" + base64("9a4f1c63-5d7e-4b82-a0c4-6e8f2b1d3c57")
            + "@thread.v2";
    public static final String TOWNHALL_JOIN_URL = joinUrl(TOWNHALL_THREAD_ID);
    public static final String TOWNHALL_MEETING_ID = meetingId(TOWNHALL_THREAD_ID);
    /** The id under {@code /solutions/virtualEvents/townhalls/}. */
    public static final String TOWNHALL_ID = Meeting.virtualEventId(TOWNHALL_MEETING_ID, TENANT_ID);
    public static final String TOWNHALL_REPORT_ID = "d4e5f6a7-4444-4b5c-9d0e-1f2a3b4c5d6e";

    /** A Teams live event ({@code isBroadcast}); Graph has no attendance report for it. */
    public static final Instant LIVE_EVENT_START = Instant.parse("2026-10-09T16:00:00Z");
    public static final Instant LIVE_EVENT_END = Instant.parse("2026-10-09T17:30:00Z");
    public static final String LIVE_EVENT_THREAD_ID = "19:meeting_" + base64("b6d8e0f2-7a9c-4e1b-8d3f-5a7c9e1b3d5f")
            + "@thread.v2";
    public static final String LIVE_EVENT_JOIN_URL = joinUrl(LIVE_EVENT_THREAD_ID);
    public static final String LIVE_EVENT_MEETING_ID = meetingId(LIVE_EVENT_THREAD_ID);

    /** A Meet Now meeting: no start or end. */
    public static final String MEET_NOW_THREAD_ID = "19:meeting_" + base64("c1e3a5b7-9d2f-4a6c-8e0b-4f6a8c0e2a4c")
            + "@thread.v2";
    public static final String MEET_NOW_JOIN_URL = joinUrl(MEET_NOW_THREAD_ID);
    public static final String MEET_NOW_MEETING_ID = meetingId(MEET_NOW_THREAD_ID);

    /** A meeting in a team channel; its join URL carries the channel post's message id where others have 0. */
    public static final Instant CHANNEL_START = Instant.parse("2026-10-13T13:00:00Z");
    public static final Instant CHANNEL_END = Instant.parse("2026-10-13T14:00:00Z");
    public static final String CHANNEL_THREAD_ID = "19:5b7d9f1a3c5e47a9b1d3f5a7c9e1b3d5@thread.tacv2";
    public static final String CHANNEL_JOIN_URL = joinUrl(CHANNEL_THREAD_ID).replace("/0?", "/1791896400000?");
    public static final String CHANNEL_MEETING_ID = meetingId(CHANNEL_THREAD_ID);

    private static final long SEED = 20261005L;
    private static final int CAST_SIZE = 195;
    private static final Person CO_PRESENTER = DemoPeople.cast(SEED, CAST_SIZE, "contoso.com").get(0);
    /** A directory user who co-presents the Ethics meeting (one of its three "Presenter" records). */
    public static final String CO_PRESENTER_ID = CO_PRESENTER.id();
    public static final String CO_PRESENTER_NAME = CO_PRESENTER.displayName();
    public static final String CO_PRESENTER_EMAIL = CO_PRESENTER.email();

    /** {@link #buildWithLargeMeeting}'s extra meeting of the organizer, built by {@link LargeMeeting}. */
    public static final String LARGE_THREAD_SUFFIX = base64("0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f");
    public static final String LARGE_THREAD_ID = LargeMeeting.threadId(LARGE_THREAD_SUFFIX);
    public static final String LARGE_JOIN_URL = joinUrl(LARGE_THREAD_ID);
    public static final String LARGE_MEETING_ID = meetingId(LARGE_THREAD_ID);
    public static final String LARGE_REPORT_ID = LargeMeeting.reportId(LARGE_THREAD_SUFFIX);
    public static final Instant LARGE_START = Instant.parse("2026-10-20T15:00:00Z");
    public static final Instant LARGE_END = Instant.parse("2026-10-20T17:00:00Z");

    private DemoScenario() {
    }

    public static Scenario build() {
        return build(List.of());
    }

    /** The demo plus {@link LargeMeeting} of {@code attendees} records at {@link #LARGE_JOIN_URL}. */
    public static Scenario buildWithLargeMeeting(int attendees) {
        return build(List.of(LargeMeeting.build(LARGE_THREAD_SUFFIX, attendees, SEED, LARGE_START,
                Duration.between(LARGE_START, LARGE_END))));
    }

    private static Scenario build(List<Meeting> extra) {
        List<Person> cast = DemoPeople.cast(SEED, CAST_SIZE, "contoso.com");
        List<User> users = new ArrayList<>();
        users.add(new User(ORGANIZER_ID, ORGANIZER_NAME, ORGANIZER_UPN, ORGANIZER_UPN, "Dana", "Whitaker",
                "Director of Professional Education"));
        cast.subList(0, 5).forEach(p -> users.add(new User(p.id(), p.displayName(), p.email(), p.email())));
        Meeting ethics = new Meeting(MEETING_ID, ORGANIZER_ID, JOIN_URL, MEETING_SUBJECT, MEETING_START, MEETING_END,
                MEETING_START.minusSeconds(21 * 86400), false, THREAD_ID,
                List.of(new AttendanceReport(REPORT_ID, REPORT_START, REPORT_END, ethicsRecords(cast))));
        List<Meeting> meetings = new ArrayList<>(List.of(ethics, recurring(cast)));
        meetings.addAll(new DemoEvents(cast, SEED).meetings());
        meetings.addAll(extra);
        Tenant contoso = new Tenant(TENANT_ID, TENANT_NAME, apps(), users, meetings);
        return new Scenario(List.of(contoso), Scenario.DEFAULT_PAGE_SIZE, Scenario.DEFAULT_TOKEN_LIFETIME);
    }

    private static List<App> apps() {
        AccessPolicy global = new AccessPolicy(true, List.of());
        return List.of(
                new App(CLIENT_ID, "Teams CPE", List.of(new Secret(CLIENT_SECRET, CLIENT_SECRET_EXPIRES)),
                        APPLICATION_PERMISSIONS, true, global),
                new App(EXPIRED_CLIENT_ID, "Teams CPE (expired secret)",
                        List.of(new Secret(EXPIRED_CLIENT_SECRET, Instant.parse("2025-06-30T00:00:00Z"))),
                        APPLICATION_PERMISSIONS, true, global),
                new App(NO_POLICY_CLIENT_ID, "Teams CPE (no access policy)",
                        List.of(new Secret(NO_POLICY_CLIENT_SECRET, CLIENT_SECRET_EXPIRES)),
                        APPLICATION_PERMISSIONS, true, null),
                new App(NO_CONSENT_CLIENT_ID, "Teams CPE (no admin consent)",
                        List.of(new Secret(NO_CONSENT_CLIENT_SECRET, CLIENT_SECRET_EXPIRES)),
                        APPLICATION_PERMISSIONS, false, global));
    }

    /** Organizer, 3 presenters, 186 attendees, 1 record without data, 5 external users and 4 guests: 200. */
    private static List<AttendanceRecord> ethicsRecords(List<Person> cast) {
        DemoAttendance gen = new DemoAttendance(SEED, MEETING_START, REPORT_END);
        List<AttendanceRecord> records = new ArrayList<>();
        records.add(new AttendanceRecord(ORGANIZER_UPN, "Organizer",
                new Identity(ORGANIZER_ID, ORGANIZER_NAME, null), gen.organizerIntervals()));
        int twoDevices = 0;
        for (int i = 0; i < 189; i++) {
            Pattern pattern = gen.pickPattern(twoDevices, 4);
            twoDevices += pattern == Pattern.TWO_DEVICES ? 1 : 0;
            records.add(gen.record(cast.get(i), i < 3 ? "Presenter" : "Attendee", null, pattern));
        }
        Person noData = cast.get(189);
        records.add(new AttendanceRecord(noData.email(), "Attendee",
                new Identity(noData.id(), noData.displayName(), null), List.of(new Interval(null, null))));
        for (Person external : DemoPeople.cast(SEED + 1, 5, "fabrikam.com")) {
            records.add(gen.record(external, "Attendee", "2d4f6a8c-1e3b-4d5f-9a7c-0b2d4f6a8c1e", Pattern.STAYS));
        }
        records.addAll(guests(gen));
        return records;
    }

    private static List<AttendanceRecord> guests(DemoAttendance gen) {
        return List.of(
                new AttendanceRecord(null, "Attendee", new Identity("teamsvisitor:9f2b7c1d4e5a4b6c8d0e1f2a3b4c5d6e",
                        null, null), gen.intervals(Pattern.STAYS)),
                new AttendanceRecord("", "Attendee", new Identity("teamsvisitor:1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6",
                        "Jordan Ellis (Guest)", null), gen.intervals(Pattern.REJOINS)),
                new AttendanceRecord(null, "Attendee", new Identity(DemoPeople.stableId("guest/Morgan Lee"),
                        "Morgan Lee (Unverified)", null), gen.intervals(Pattern.STAYS)),
                new AttendanceRecord("", "Attendee", new Identity(DemoPeople.stableId("guest/Conference Room 4B"),
                        "Conference Room 4B", null), gen.intervals(Pattern.STAYS)));
    }

    /** A weekly meeting whose occurrences on 2026-10-05 and 2026-10-12 each produced a report. */
    private static Meeting recurring(List<Person> cast) {
        Instant start = Instant.parse("2026-10-05T18:00:00Z");
        AttendanceReport first = recurringReport(RECURRING_REPORT_1_ID, start, cast.subList(100, 112), 1);
        AttendanceReport second = recurringReport(RECURRING_REPORT_2_ID, start.plusSeconds(7 * 86400),
                cast.subList(104, 114), 2);
        return new Meeting(RECURRING_MEETING_ID, ORGANIZER_ID, RECURRING_JOIN_URL, RECURRING_SUBJECT, start,
                start.plusSeconds(3600), start.minusSeconds(30 * 86400), false, RECURRING_THREAD_ID,
                List.of(first, second));
    }

    private static AttendanceReport recurringReport(String id, Instant start, List<Person> people, int occurrence) {
        Instant end = start.plusSeconds(3600 + 95 + occurrence * 17L).plusMillis(300);
        DemoAttendance gen = new DemoAttendance(SEED + 10 + occurrence, start, end);
        List<AttendanceRecord> records = new ArrayList<>();
        records.add(new AttendanceRecord(ORGANIZER_UPN, "Organizer",
                new Identity(ORGANIZER_ID, ORGANIZER_NAME, null), gen.organizerIntervals()));
        for (Person person : people) {
            records.add(gen.record(person, "Attendee", null, gen.pickPattern(1, 0)));
        }
        return new AttendanceReport(id, start.plusSeconds(3 + occurrence).plusMillis(250), end, records);
    }

    /** The demo organizer's long-form Teams join URL: thread in the path, tenant and organizer in the context. */
    public static String joinUrl(String threadId) {
        String thread = threadId.replace(":", "%3a").replace("@", "%40");
        return "https://teams.microsoft.com/l/meetup-join/" + thread + "/0?context=%7b%22Tid%22%3a%22" + TENANT_ID
                + "%22%2c%22Oid%22%3a%22" + ORGANIZER_ID + "%22%7d";
    }

    /** Graph's online meeting id: base64 of {@code 1*<organizer>*0**<thread id>}. */
    public static String meetingId(String threadId) {
        return Base64.getEncoder().encodeToString(("1*" + ORGANIZER_ID + "*0**" + threadId)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String base64(String text) {
        return Base64.getEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
