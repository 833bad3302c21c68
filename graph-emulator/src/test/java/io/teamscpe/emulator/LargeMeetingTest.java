package io.teamscpe.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.AttendanceRecord;
import com.microsoft.graph.models.AttendanceRecordCollectionResponse;
import com.microsoft.graph.models.MeetingAttendanceReport;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.teamscpe.emulator.Scenario.Interval;
import io.teamscpe.emulator.Scenario.Meeting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The generated 10,000-attendee meeting: its shape, its cost, and paging through it with the SDK. */
class LargeMeetingTest {

    private static final String SUFFIX = "bGFyZ2UtdGVzdA";
    private static final Instant START = Instant.parse("2026-11-02T15:00:00Z");
    private static final Duration LENGTH = Duration.ofHours(2);

    @Test
    void tenThousandAttendeesWithAboutThreeStaysEachAreBuiltInWellUnderASecond() {
        assertThat(DemoScenario.LARGE_JOIN_URL).isNotBlank(); // the demo's constants are computed once, not timed here
        long started = System.nanoTime();
        Meeting meeting = LargeMeeting.build(SUFFIX, 10_000, 42, START, LENGTH);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(1));
        assertThat(meeting.chatThreadId()).isEqualTo("19:meeting_" + SUFFIX + "@thread.v2");
        assertThat(meeting.joinWebUrl()).isEqualTo(DemoScenario.joinUrl(meeting.chatThreadId()));
        assertThat(meeting.id()).isEqualTo(DemoScenario.meetingId(meeting.chatThreadId()));
        assertThat(meeting.organizerId()).isEqualTo(DemoScenario.ORGANIZER_ID);
        var records = meeting.attendanceReports().get(0).records();
        assertThat(records).hasSize(10_000);
        assertThat(records.get(0).role()).isEqualTo("Organizer");
        long intervals = records.stream().mapToLong(r -> r.intervals().size()).sum();
        assertThat(intervals).isBetween(27_000L, 33_000L);
        assertThat(records.stream().map(r -> r.identity().id()).distinct().count()).isEqualTo(10_000);
        assertThat(records.stream().map(r -> r.emailAddress()).filter(e -> e != null && !e.isEmpty()).distinct()
                .count()).isEqualTo(records.stream().filter(r -> r.emailAddress() != null
                        && !r.emailAddress().isEmpty()).count());
        assertThat(records).filteredOn(r -> r.identity().id().startsWith("teamsvisitor:")).hasSizeGreaterThan(5)
                .allSatisfy(r -> {
                    assertThat(r.emailAddress()).isNull();
                    assertThat(r.identity().displayName()).isNull();
                });
        assertThat(records).filteredOn(r -> "".equals(r.emailAddress())).hasSizeGreaterThan(5);
        assertThat(records).filteredOn(r -> r.intervals().equals(List.of(new Interval(null, null)))).hasSize(1);
        Instant earliest = START.minus(Duration.ofMinutes(5));
        Instant latest = START.plus(LENGTH).plus(Duration.ofMinutes(2));
        assertThat(records.stream().flatMap(r -> r.intervals().stream()).filter(i -> i.joinDateTime() != null))
                .allSatisfy(i -> {
                    assertThat(i.joinDateTime()).isBetween(earliest, latest);
                    assertThat(i.leaveDateTime()).isAfterOrEqualTo(i.joinDateTime()).isBeforeOrEqualTo(latest);
                });
        assertThat(LargeMeeting.build(SUFFIX, 10_000, 42, START, LENGTH)).isEqualTo(meeting);
    }

    @Test
    void theSdkPagesThroughTenThousandRecordsInOrder() {
        Scenario demo = DemoScenario.buildWithLargeMeeting(10_000);
        Meeting large = demo.tenants().get(0).meetings().stream()
                .filter(m -> m.id().equals(DemoScenario.LARGE_MEETING_ID)).findFirst().orElseThrow();
        try (GraphEmulator emulator = GraphEmulator.start(0)) {
            emulator.loadScenario(new Scenario(demo.tenants(), 250, 3600));
            GraphServiceClient graph = SdkClients.demoApp(emulator);
            var meeting = graph.users().byUserId(DemoScenario.ORGANIZER_ID).onlineMeetings();
            assertThat(meeting.get(rc -> rc.queryParameters.filter = "JoinWebUrl eq '" + DemoScenario.LARGE_JOIN_URL
                    + "'").getValue().get(0).getId()).isEqualTo(DemoScenario.LARGE_MEETING_ID);
            var reports = meeting.byOnlineMeetingId(DemoScenario.LARGE_MEETING_ID).attendanceReports();
            MeetingAttendanceReport report = reports.get().getValue().get(0);
            assertThat(report.getId()).isEqualTo(DemoScenario.LARGE_REPORT_ID);
            assertThat(report.getTotalParticipantCount()).isEqualTo(10_000);

            var recordsBuilder = reports.byMeetingAttendanceReportId(DemoScenario.LARGE_REPORT_ID).attendanceRecords();
            List<AttendanceRecord> all = new ArrayList<>();
            int pages = 0;
            AttendanceRecordCollectionResponse page = recordsBuilder.get();
            while (true) {
                pages++;
                all.addAll(page.getValue());
                if (page.getOdataNextLink() == null) {
                    break;
                }
                page = recordsBuilder.withUrl(page.getOdataNextLink()).get();
            }

            assertThat(pages).isEqualTo(40);
            var expected = large.attendanceReports().get(0).records();
            assertThat(all).extracting(r -> r.getIdentity().getId())
                    .containsExactlyElementsOf(expected.stream().map(r -> r.identity().id()).toList());
            assertThat(all.stream().mapToInt(r -> r.getAttendanceIntervals().size()).sum())
                    .isEqualTo(expected.stream().mapToInt(r -> r.intervals().size()).sum());
            assertThat(new HashSet<>(all.stream().map(AttendanceRecord::getEmailAddress).filter(Objects::nonNull)
                    .toList())).contains("");
        }
    }
}
