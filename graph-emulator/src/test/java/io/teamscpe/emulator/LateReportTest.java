package io.teamscpe.emulator;

import static io.teamscpe.emulator.DemoScenario.ORGANIZER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.microsoft.graph.models.MeetingAttendanceReport;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.teamscpe.emulator.Scenario.AttendanceReport;
import io.teamscpe.emulator.Scenario.Meeting;
import io.teamscpe.emulator.Scenario.Tenant;
import io.teamscpe.emulator.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A report with {@code availableAt} in the future does not exist yet for Graph; once that time passed, it does. */
class LateReportTest {

    private static GraphEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = GraphEmulator.start(0);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aReportIsNeitherListedNorFoundBeforeItsAvailableAtAndServedAfterIt() {
        Instant now = Instant.now();
        emulator.loadScenario(demoWith(DemoScenario.MEETING_ID, r -> available(r, now.plus(Duration.ofHours(1)))));
        GraphServiceClient graph = SdkClients.services(emulator);
        var reports = graph.users().byUserId(ORGANIZER_ID).onlineMeetings()
                .byOnlineMeetingId(DemoScenario.MEETING_ID).attendanceReports();

        assertThat(reports.get().getValue()).isEmpty();
        ODataError notYet = catchThrowableOfType(ODataError.class,
                () -> reports.byMeetingAttendanceReportId(DemoScenario.REPORT_ID).get());
        assertThat(notYet.getResponseStatusCode()).isEqualTo(404);
        assertThat(catchThrowableOfType(ODataError.class, () -> reports
                .byMeetingAttendanceReportId(DemoScenario.REPORT_ID).attendanceRecords().get())
                .getResponseStatusCode()).isEqualTo(404);

        emulator.loadScenario(demoWith(DemoScenario.MEETING_ID, r -> available(r, now.minus(Duration.ofMinutes(1)))));

        assertThat(reports.get().getValue()).extracting(MeetingAttendanceReport::getId)
                .containsExactly(DemoScenario.REPORT_ID);
        assertThat(reports.byMeetingAttendanceReportId(DemoScenario.REPORT_ID).attendanceRecords().get().getValue())
                .isNotEmpty();
    }

    @Test
    void availableAtComesFromScenarioJsonAndHidesOnlyItsOwnReport() {
        Scenario scenario = demoWith(DemoScenario.RECURRING_MEETING_ID, r -> r.id()
                .equals(DemoScenario.RECURRING_REPORT_2_ID) ? available(r, Instant.now().plusSeconds(600)) : r);
        String json = new String(Json.write(scenario), StandardCharsets.UTF_8);
        assertThat(json).contains("\"availableAt\":\"");

        emulator.loadScenario(json);

        List<MeetingAttendanceReport> listed = SdkClients.services(emulator).users().byUserId(ORGANIZER_ID)
                .onlineMeetings().byOnlineMeetingId(DemoScenario.RECURRING_MEETING_ID).attendanceReports().get()
                .getValue();
        assertThat(listed).extracting(MeetingAttendanceReport::getId).containsExactly(DemoScenario.RECURRING_REPORT_1_ID);
    }

    private static AttendanceReport available(AttendanceReport report, Instant at) {
        return new AttendanceReport(report.id(), report.meetingStartDateTime(), report.meetingEndDateTime(),
                report.records(), at);
    }

    /** The demo with the reports of one meeting changed. */
    private static Scenario demoWith(String meetingId, UnaryOperator<AttendanceReport> change) {
        Scenario demo = DemoScenario.build();
        Tenant t = demo.tenants().get(0);
        List<Meeting> meetings = t.meetings().stream().map(m -> !m.id().equals(meetingId) ? m
                : new Meeting(m.id(), m.organizerId(), m.joinWebUrl(), m.subject(), m.startDateTime(),
                m.endDateTime(), m.creationDateTime(), m.isBroadcast(), m.chatThreadId(),
                m.attendanceReports().stream().map(change).toList(), m.virtualEvent())).toList();
        return new Scenario(List.of(new Tenant(t.id(), t.displayName(), t.apps(), t.users(), meetings)),
                demo.graphPageSize(), demo.tokenLifetimeSeconds());
    }
}
