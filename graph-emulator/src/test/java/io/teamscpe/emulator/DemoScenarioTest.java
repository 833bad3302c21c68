package io.teamscpe.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamscpe.emulator.Scenario.AttendanceRecord;
import io.teamscpe.emulator.Scenario.Interval;
import io.teamscpe.emulator.Scenario.Meeting;
import io.teamscpe.emulator.graph.attendance.AttendanceJson;
import io.teamscpe.emulator.json.Json;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo world is deterministic and has the shapes the product must cope with. */
class DemoScenarioTest {

    private final Scenario demo = DemoScenario.build();
    private final List<AttendanceRecord> records =
            demo.tenants().get(0).meetings().get(0).attendanceReports().get(0).records();

    @Test
    void isTheSameEveryTimeAndSurvivesAJsonRoundTrip() {
        assertThat(DemoScenario.build()).isEqualTo(demo);
        assertThat(Json.read(Json.write(demo), Scenario.class)).isEqualTo(demo);
    }

    @Test
    void joinUrlAndIdsHaveMicrosoftsShape() {
        assertThat(DemoScenario.JOIN_URL).startsWith("https://teams.microsoft.com/l/meetup-join/19%3ameeting_")
                .contains("%40thread.v2/0?context=%7b%22Tid%22%3a%22" + DemoScenario.TENANT_ID
                        + "%22%2c%22Oid%22%3a%22" + DemoScenario.ORGANIZER_ID + "%22%7d");
        assertThat(new String(java.util.Base64.getDecoder().decode(DemoScenario.MEETING_ID),
                java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("1*" + DemoScenario.ORGANIZER_ID + "*0**" + DemoScenario.THREAD_ID);
    }

    @Test
    void attendanceHasTheExpectedMix() {
        assertThat(records).hasSize(DemoScenario.RECORD_COUNT);
        assertThat(records).filteredOn(r -> "Organizer".equals(r.role())).hasSize(1);
        long rejoiners = records.stream().filter(r -> r.intervals().size() > 1).count();
        assertThat(rejoiners).isBetween(25L, 60L);
        assertThat(records).filteredOn(DemoScenarioTest::overlaps).hasSizeGreaterThanOrEqualTo(2);
        long shortStays = records.stream()
                .filter(r -> AttendanceJson.totalSeconds(r) > 0 && AttendanceJson.totalSeconds(r) < 3000).count();
        assertThat(shortStays).isBetween(4L, 20L);
        assertThat(records).filteredOn(r -> r.emailAddress() == null || r.emailAddress().isEmpty()).hasSize(4);
        assertThat(records).anySatisfy(r -> {
            assertThat(r.identity().id()).startsWith("teamsvisitor:");
            assertThat(r.identity().displayName()).isNull();
        });
        assertThat(records).filteredOn(r -> r.intervals().equals(List.of(new Interval(null, null)))).hasSize(1);
        assertThat(records).filteredOn(r -> r.emailAddress() != null && r.emailAddress().endsWith("@contoso.com"))
                .allSatisfy(r -> assertThat(r.emailAddress()).matches("[a-z]+\\.[a-z]+@contoso\\.com"));
    }

    @Test
    void recurringMeetingHasTwoReports() {
        assertThat(demo.tenants().get(0).meetings().get(1).attendanceReports()).hasSize(2);
    }

    @Test
    void hasAWebinarTownHallLiveEventMeetNowAndChannelMeetingAtTheirConstants() {
        List<Meeting> meetings = demo.tenants().get(0).meetings();
        Map<String, Meeting> byId = meetings.stream().collect(Collectors.toMap(Meeting::id, m -> m));
        assertThat(byId).hasSameSizeAs(meetings);
        assertThat(meetings.get(0).id()).isEqualTo(DemoScenario.MEETING_ID);

        Meeting webinar = byId.get(DemoScenario.WEBINAR_MEETING_ID);
        assertThat(webinar.virtualEvent()).isEqualTo(Meeting.WEBINAR);
        assertThat(webinar.joinWebUrl()).isEqualTo(DemoScenario.WEBINAR_JOIN_URL);
        assertThat(webinar.virtualEventId(DemoScenario.TENANT_ID)).isEqualTo(DemoScenario.WEBINAR_ID);
        assertThat(webinar.attendanceReports()).extracting(Scenario.AttendanceReport::id)
                .containsExactly(DemoScenario.WEBINAR_REPORT_ID);
        Meeting townhall = byId.get(DemoScenario.TOWNHALL_MEETING_ID);
        assertThat(townhall.virtualEvent()).isEqualTo(Meeting.TOWNHALL);
        assertThat(townhall.virtualEventId(DemoScenario.TENANT_ID)).isEqualTo(DemoScenario.TOWNHALL_ID);
        assertThat(meetings).filteredOn(m -> m.virtualEvent() != null).hasSize(2);

        Meeting live = byId.get(DemoScenario.LIVE_EVENT_MEETING_ID);
        assertThat(live.isBroadcast()).isTrue();
        assertThat(live.attendanceReports()).isEmpty();
        Meeting meetNow = byId.get(DemoScenario.MEET_NOW_MEETING_ID);
        assertThat(meetNow.startDateTime()).isNull();
        assertThat(meetNow.endDateTime()).isNull();
        assertThat(meetNow.joinWebUrl()).isEqualTo(DemoScenario.MEET_NOW_JOIN_URL);
        assertThat(meetNow.attendanceReports()).hasSize(1);
        Meeting channel = byId.get(DemoScenario.CHANNEL_MEETING_ID);
        assertThat(channel.chatThreadId()).isEqualTo(DemoScenario.CHANNEL_THREAD_ID).endsWith("@thread.tacv2");
        assertThat(channel.joinWebUrl()).isEqualTo(DemoScenario.CHANNEL_JOIN_URL).contains("%40thread.tacv2/");
    }

    @Test
    void theCoPresenterIsADirectoryUserPresentingTheEthicsMeeting() {
        assertThat(demo.tenants().get(0).users()).anySatisfy(u -> {
            assertThat(u.id()).isEqualTo(DemoScenario.CO_PRESENTER_ID);
            assertThat(u.mail()).isEqualTo(DemoScenario.CO_PRESENTER_EMAIL);
            assertThat(u.displayName()).isEqualTo(DemoScenario.CO_PRESENTER_NAME);
        });
        assertThat(records).filteredOn(r -> DemoScenario.CO_PRESENTER_EMAIL.equals(r.emailAddress()))
                .singleElement().satisfies(r -> {
                    assertThat(r.role()).isEqualTo("Presenter");
                    assertThat(r.identity().id()).isEqualTo(DemoScenario.CO_PRESENTER_ID);
                });
    }

    @Test
    void buildWithLargeMeetingAddsOneMeetingAtTheLargeConstants() {
        List<Meeting> meetings = DemoScenario.buildWithLargeMeeting(1_000).tenants().get(0).meetings();

        assertThat(meetings).hasSize(demo.tenants().get(0).meetings().size() + 1);
        Meeting large = meetings.get(meetings.size() - 1);
        assertThat(large.id()).isEqualTo(DemoScenario.LARGE_MEETING_ID);
        assertThat(large.joinWebUrl()).isEqualTo(DemoScenario.LARGE_JOIN_URL);
        assertThat(large.chatThreadId()).isEqualTo(DemoScenario.LARGE_THREAD_ID);
        assertThat(large.startDateTime()).isEqualTo(DemoScenario.LARGE_START);
        assertThat(large.endDateTime()).isEqualTo(DemoScenario.LARGE_END);
        assertThat(large.attendanceReports()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(DemoScenario.LARGE_REPORT_ID);
            assertThat(r.records()).hasSize(1_000);
        });
    }

    private static boolean overlaps(AttendanceRecord record) {
        List<Interval> intervals = record.intervals();
        return intervals.size() > 1 && intervals.get(1).joinDateTime().isBefore(intervals.get(0).leaveDateTime());
    }
}
