package io.teamscpe.emulator;

import static io.teamscpe.emulator.DemoScenario.JOIN_URL;
import static io.teamscpe.emulator.DemoScenario.ORGANIZER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.models.AttendanceRecord;
import com.microsoft.graph.models.AttendanceRecordCollectionResponse;
import com.microsoft.graph.models.MeetingAttendanceReport;
import com.microsoft.graph.models.OnlineMeeting;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import io.teamscpe.emulator.Scenario.AttendanceReport;
import io.teamscpe.emulator.graph.attendance.AttendanceJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real Graph SDK (6.x) reads the demo meeting's attendance from the emulator, page by page. */
class GraphSdkAttendanceTest {

    private static final int PAGE_SIZE = 7;
    private static GraphEmulator emulator;
    private static Scenario scenario;

    @BeforeAll
    static void start() {
        emulator = GraphEmulator.start(0);
        Scenario demo = DemoScenario.build();
        scenario = new Scenario(demo.tenants(), PAGE_SIZE, 3600);
        emulator.loadScenario(scenario);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void findsTheMeetingByItsJoinUrl() {
        GraphServiceClient graph = SdkClients.services(emulator);

        List<OnlineMeeting> found = graph.users().byUserId(ORGANIZER_ID).onlineMeetings()
                .get(rc -> rc.queryParameters.filter = "JoinWebUrl eq '" + JOIN_URL + "'").getValue();

        assertThat(found).hasSize(1);
        OnlineMeeting meeting = found.get(0);
        assertThat(meeting.getId()).isEqualTo(DemoScenario.MEETING_ID);
        assertThat(meeting.getJoinWebUrl()).isEqualTo(JOIN_URL);
        assertThat(meeting.getSubject()).isEqualTo("Ethics for CPAs 2026");
        assertThat(meeting.getStartDateTime().toInstant()).isEqualTo(DemoScenario.MEETING_START);
        assertThat(meeting.getEndDateTime().toInstant()).isEqualTo(DemoScenario.MEETING_END);
        assertThat(meeting.getIsBroadcast()).isFalse();
        assertThat(meeting.getParticipants().getOrganizer().getIdentity().getUser().getId()).isEqualTo(ORGANIZER_ID);
        assertThat(meeting.getChatInfo().getThreadId()).isEqualTo(DemoScenario.THREAD_ID);
    }

    @Test
    void unknownJoinUrlFindsNothing() {
        List<OnlineMeeting> found = SdkClients.services(emulator).users().byUserId(ORGANIZER_ID).onlineMeetings()
                .get(rc -> rc.queryParameters.filter = "JoinWebUrl eq 'https://teams.microsoft.com/l/meetup-join/x''y'")
                .getValue();
        assertThat(found).isEmpty();
    }

    @Test
    void readsEveryAttendanceRecordAcrossPages() {
        GraphServiceClient graph = SdkClients.services(emulator);
        var reports = graph.users().byUserId(ORGANIZER_ID).onlineMeetings().byOnlineMeetingId(DemoScenario.MEETING_ID)
                .attendanceReports();

        List<MeetingAttendanceReport> listed = reports.get().getValue();
        assertThat(listed).singleElement().satisfies(r -> {
            assertThat(r.getId()).isEqualTo(DemoScenario.REPORT_ID);
            assertThat(r.getTotalParticipantCount()).isEqualTo(DemoScenario.RECORD_COUNT);
            assertThat(r.getMeetingStartDateTime().toInstant()).isEqualTo(DemoScenario.REPORT_START);
            assertThat(r.getAttendanceRecords()).isEmpty();
        });

        var recordsBuilder = reports.byMeetingAttendanceReportId(DemoScenario.REPORT_ID).attendanceRecords();
        List<AttendanceRecord> all = new ArrayList<>();
        int pages = 0;
        AttendanceRecordCollectionResponse page = recordsBuilder.get();
        while (true) {
            pages++;
            all.addAll(page.getValue());
            if (page.getOdataNextLink() == null) {
                break;
            }
            assertThat(page.getOdataNextLink()).startsWith(emulator.baseUrl() + "/v1.0/");
            page = recordsBuilder.withUrl(page.getOdataNextLink()).get();
        }

        assertThat(pages).isEqualTo((DemoScenario.RECORD_COUNT + PAGE_SIZE - 1) / PAGE_SIZE);
        AttendanceReport expected = scenario.tenants().get(0).meetings().get(0).attendanceReports().get(0);
        assertThat(all).hasSize(expected.records().size());
        for (int i = 0; i < all.size(); i++) {
            assertMatches(all.get(i), expected.records().get(i));
        }
    }

    @Test
    void expandedReportCarriesAllRecordsAndRecurringMeetingHasTwoReports() {
        GraphServiceClient graph = SdkClients.services(emulator);
        var meeting = graph.users().byUserId(ORGANIZER_ID).onlineMeetings()
                .byOnlineMeetingId(DemoScenario.MEETING_ID);
        MeetingAttendanceReport expanded = meeting.attendanceReports()
                .byMeetingAttendanceReportId(DemoScenario.REPORT_ID)
                .get(rc -> rc.queryParameters.expand = new String[] {"attendanceRecords"});
        assertThat(expanded.getAttendanceRecords()).hasSize(DemoScenario.RECORD_COUNT);

        List<MeetingAttendanceReport> recurring = graph.users().byUserId(ORGANIZER_ID).onlineMeetings()
                .byOnlineMeetingId(DemoScenario.RECURRING_MEETING_ID).attendanceReports().get().getValue();
        assertThat(recurring).extracting(MeetingAttendanceReport::getId)
                .containsExactly(DemoScenario.RECURRING_REPORT_1_ID, DemoScenario.RECURRING_REPORT_2_ID);
    }

    @Test
    void missingAccessPolicyReachesTheSdkAsForbidden() {
        GraphServiceClient graph = SdkClients.graph(emulator, SdkClients.appToken(emulator,
                DemoScenario.TENANT_ID, DemoScenario.NO_POLICY_CLIENT_ID, DemoScenario.NO_POLICY_CLIENT_SECRET));

        assertThatThrownBy(() -> graph.users().byUserId(ORGANIZER_ID).onlineMeetings()
                .get(rc -> rc.queryParameters.filter = "JoinWebUrl eq '" + JOIN_URL + "'"))
                .isInstanceOf(ODataError.class)
                .satisfies(e -> {
                    ODataError error = (ODataError) e;
                    assertThat(error.getResponseStatusCode()).isEqualTo(403);
                    assertThat(error.getError().getCode()).isEqualTo("Forbidden");
                    assertThat(error.getError().getMessage()).isEqualTo("No Application Access Policy found for this app");
                    assertThat(error.getMessage()).contains("No Application Access Policy found for this app");
                });
    }

    @Test
    void missingAdminConsentIsForbiddenNamingThePermission() {
        GraphServiceClient graph = SdkClients.graph(emulator, SdkClients.appToken(emulator,
                DemoScenario.TENANT_ID, DemoScenario.NO_CONSENT_CLIENT_ID, DemoScenario.NO_CONSENT_CLIENT_SECRET));

        assertThatThrownBy(() -> graph.users().byUserId(ORGANIZER_ID).onlineMeetings()
                .byOnlineMeetingId(DemoScenario.MEETING_ID).attendanceReports().get())
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("OnlineMeetingArtifact.Read.All");
    }

    private static void assertMatches(AttendanceRecord actual, Scenario.AttendanceRecord expected) {
        assertThat(actual.getEmailAddress()).isEqualTo(expected.emailAddress());
        assertThat(actual.getRole()).isEqualTo(expected.role());
        assertThat(actual.getIdentity().getId()).isEqualTo(expected.identity().id());
        assertThat(actual.getIdentity().getDisplayName()).isEqualTo(expected.identity().displayName());
        assertThat(actual.getTotalAttendanceInSeconds()).isEqualTo((int) AttendanceJson.totalSeconds(expected));
        assertThat(actual.getAttendanceIntervals()).hasSameSizeAs(expected.intervals());
        for (int i = 0; i < expected.intervals().size(); i++) {
            var interval = actual.getAttendanceIntervals().get(i);
            var want = expected.intervals().get(i);
            if (want.joinDateTime() == null) {
                assertThat(interval.getJoinDateTime()).isNull();
                assertThat(interval.getDurationInSeconds()).isZero();
            } else {
                assertThat(interval.getJoinDateTime().toInstant()).isEqualTo(want.joinDateTime());
                assertThat(interval.getLeaveDateTime().toInstant()).isEqualTo(want.leaveDateTime());
                assertThat(interval.getDurationInSeconds())
                        .isEqualTo((int) Duration.between(want.joinDateTime(), want.leaveDateTime()).getSeconds());
            }
        }
    }
}
