package io.teamscpe.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamscpe.emulator.Scenario.AttendanceRecord;
import io.teamscpe.emulator.Scenario.Interval;
import io.teamscpe.emulator.graph.attendance.AttendanceJson;
import io.teamscpe.emulator.json.Json;
import java.util.List;
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

    private static boolean overlaps(AttendanceRecord record) {
        List<Interval> intervals = record.intervals();
        return intervals.size() > 1 && intervals.get(1).joinDateTime().isBefore(intervals.get(0).leaveDateTime());
    }
}
