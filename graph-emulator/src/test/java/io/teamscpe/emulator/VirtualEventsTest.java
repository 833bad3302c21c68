package io.teamscpe.emulator;

import static io.teamscpe.emulator.DemoScenario.ORGANIZER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.MeetingAudience;
import com.microsoft.graph.models.OnlineMeeting;
import com.microsoft.graph.models.VirtualEventSession;
import com.microsoft.graph.models.VirtualEventStatus;
import com.microsoft.graph.models.VirtualEventTownhall;
import com.microsoft.graph.models.VirtualEventWebinar;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.teamscpe.emulator.Scenario.App;
import io.teamscpe.emulator.Scenario.Tenant;
import io.teamscpe.emulator.http.QueryString;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webinars and town halls as the Graph SDK lists them, and how their sessions lead to online meetings. */
class VirtualEventsTest {

    private static GraphEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = GraphEmulator.start(0);
    }

    @BeforeEach
    void demo() {
        emulator.loadScenario(DemoScenario.build());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void anAppListsTheOrganizersWebinarWhoseSessionIsTheOnlineMeeting() {
        GraphServiceClient graph = SdkClients.demoApp(emulator);
        var webinars = graph.solutions().virtualEvents().webinars();

        // the SDK takes the role first: getByUserIdAndRoleWithUserIdWithRole(role, userId)
        List<VirtualEventWebinar> found = webinars.getByUserIdAndRoleWithUserIdWithRole("organizer", ORGANIZER_ID)
                .get().getValue();

        assertThat(found).singleElement().satisfies(w -> {
            assertThat(w.getId()).isEqualTo(DemoScenario.WEBINAR_ID);
            assertThat(w.getDisplayName()).isNotBlank();
            assertThat(w.getStatus()).isEqualTo(VirtualEventStatus.Published);
            assertThat(w.getAudience()).isEqualTo(MeetingAudience.Everyone);
            assertThat(w.getStartDateTime().getDateTime()).startsWith("2026-10-07T15:00:00");
            assertThat(w.getStartDateTime().getTimeZone()).isEqualTo("UTC");
            assertThat(w.getCreatedBy().getUser().getId()).isEqualTo(ORGANIZER_ID);
        });
        List<VirtualEventSession> sessions = webinars.byVirtualEventWebinarId(DemoScenario.WEBINAR_ID).sessions().get()
                .getValue();
        assertThat(sessions).singleElement().satisfies(s -> {
            assertThat(s.getId()).isEqualTo(DemoScenario.WEBINAR_MEETING_ID);
            assertThat(s.getJoinWebUrl()).isEqualTo(DemoScenario.WEBINAR_JOIN_URL);
            assertThat(s.getEndDateTime().getDateTime()).startsWith("2026-10-07T16:30:00");
        });
        List<OnlineMeeting> meeting = graph.users().byUserId(ORGANIZER_ID).onlineMeetings()
                .get(rc -> rc.queryParameters.filter = "JoinWebUrl eq '" + sessions.get(0).getJoinWebUrl() + "'")
                .getValue();
        assertThat(meeting).extracting(OnlineMeeting::getId).containsExactly(DemoScenario.WEBINAR_MEETING_ID);
        assertThat(webinars.getByUserIdAndRoleWithUserIdWithRole("coOrganizer", ORGANIZER_ID).get().getValue())
                .isEmpty();
        assertThat(graph.users().byUserId(ORGANIZER_ID).onlineMeetings().byOnlineMeetingId(
                DemoScenario.WEBINAR_MEETING_ID).attendanceReports().get().getValue()).hasSize(1);
    }

    @Test
    void anAppListsTheOrganizersTownHallAndItsSession() {
        var townhalls = SdkClients.demoApp(emulator).solutions().virtualEvents().townhalls();

        List<VirtualEventTownhall> found = townhalls
                .getByUserIdAndRoleWithUserIdWithRole("organizer", DemoScenario.ORGANIZER_UPN).get().getValue();

        assertThat(found).singleElement().satisfies(t -> {
            assertThat(t.getId()).isEqualTo(DemoScenario.TOWNHALL_ID);
            assertThat(t.getAudience()).isEqualTo(MeetingAudience.Organization);
            assertThat(t.getIsInviteOnly()).isFalse();
        });
        assertThat(townhalls.byVirtualEventTownhallId(DemoScenario.TOWNHALL_ID).sessions().get().getValue())
                .extracting(VirtualEventSession::getJoinWebUrl).containsExactly(DemoScenario.TOWNHALL_JOIN_URL);
    }

    @Test
    void theSignedInOrganizerListsTheirOwnWebinarsAndTownHalls() {
        GraphServiceClient graph = SdkClients.graph(emulator, SdkClients.delegatedToken(emulator,
                DemoScenario.ORGANIZER_UPN, "VirtualEvent.Read User.Read"));
        var events = graph.solutions().virtualEvents();

        assertThat(events.webinars().getByUserRoleWithRole("organizer").get().getValue())
                .extracting(VirtualEventWebinar::getId).containsExactly(DemoScenario.WEBINAR_ID);
        assertThat(events.townhalls().getByUserRoleWithRole("organizer").get().getValue())
                .extracting(VirtualEventTownhall::getId).containsExactly(DemoScenario.TOWNHALL_ID);
        assertThat(events.webinars().byVirtualEventWebinarId(DemoScenario.WEBINAR_ID).sessions().get().getValue())
                .extracting(VirtualEventSession::getId).containsExactly(DemoScenario.WEBINAR_MEETING_ID);
    }

    @Test
    void withoutTheVirtualEventPermissionOrAccessPolicyItIsForbidden() {
        GraphServiceClient noScope = SdkClients.graph(emulator, SdkClients.delegatedToken(emulator,
                DemoScenario.ORGANIZER_UPN, "User.Read"));
        ODataError delegated = catchThrowableOfType(ODataError.class, () -> noScope.solutions().virtualEvents()
                .webinars().getByUserRoleWithRole("organizer").get());
        assertThat(delegated.getResponseStatusCode()).isEqualTo(403);
        assertThat(delegated.getError().getCode()).isEqualTo("Forbidden");
        assertThat(delegated.getError().getMessage()).contains("VirtualEvent.Read");

        GraphServiceClient noPolicy = SdkClients.graph(emulator, SdkClients.appToken(emulator,
                DemoScenario.TENANT_ID, DemoScenario.NO_POLICY_CLIENT_ID, DemoScenario.NO_POLICY_CLIENT_SECRET));
        assertThat(catchThrowableOfType(ODataError.class, () -> noPolicy.solutions().virtualEvents().townhalls()
                .getByUserIdAndRoleWithUserIdWithRole("organizer", ORGANIZER_ID).get()).getError().getMessage())
                .isEqualTo("No Application Access Policy found for this app");

        emulator.loadScenario(demoAppWithout("VirtualEvent.Read.All"));
        GraphServiceClient app = SdkClients.demoApp(emulator);
        ODataError missing = catchThrowableOfType(ODataError.class, () -> app.solutions().virtualEvents().webinars()
                .byVirtualEventWebinarId(DemoScenario.WEBINAR_ID).sessions().get());
        assertThat(missing.getResponseStatusCode()).isEqualTo(403);
        assertThat(missing.getError().getMessage()).contains("VirtualEvent.Read.All");
    }

    @Test
    void functionSegmentsAreAcceptedAsDocumentedAndPercentEncoded() {
        String token = SdkClients.appToken(emulator, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                DemoScenario.CLIENT_SECRET);
        String base = emulator.baseUrl() + "/v1.0/solutions/virtualEvents/webinars/";

        JsonNode encoded = Http.get(base + "getByUserIdAndRole(userId=%27" + ORGANIZER_ID
                + "%27,%20role=%27organizer%27)", token).json();
        assertThat(encoded.at("/value/0/id").asText()).isEqualTo(DemoScenario.WEBINAR_ID);
        assertThat(encoded.at("/value/0/@odata.type").asText()).isEqualTo("#microsoft.graph.virtualEventWebinar");
        assertThat(encoded.get("@odata.context").asText()).endsWith("$metadata#Collection(microsoft.graph"
                + ".virtualEventWebinar)");
        assertThat(Http.get(base + "getByUserIdAndRole(userId='" + ORGANIZER_ID + "',role='organizer')", token)
                .json().get("value")).hasSize(1);

        assertThat(Http.get(base + "getByUserIdAndRole(userId='" + ORGANIZER_ID + "',role='attendee')", token)
                .status()).isEqualTo(400);
        assertThat(Http.get(base + "getByUserRole(role='organizer')", token).status()).isEqualTo(403);
        Http.Reply unknown = Http.get(base + QueryString.encode("00000000-0000-0000-0000-000000000000@"
                + DemoScenario.TENANT_ID) + "/sessions", token);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/error/code").asText()).isEqualTo("NotFound");
    }

    private static Scenario demoAppWithout(String permission) {
        Scenario demo = DemoScenario.build();
        Tenant t = demo.tenants().get(0);
        List<App> apps = t.apps().stream().map(a -> !a.clientId().equals(DemoScenario.CLIENT_ID) ? a
                : new App(a.clientId(), a.displayName(), a.secrets(), a.applicationPermissions().stream()
                .filter(p -> !p.equals(permission)).toList(), a.adminConsent(), a.accessPolicy(), a.redirectUris()))
                .toList();
        return new Scenario(List.of(new Tenant(t.id(), t.displayName(), apps, t.users(), t.meetings())),
                demo.graphPageSize(), demo.tokenLifetimeSeconds());
    }
}
