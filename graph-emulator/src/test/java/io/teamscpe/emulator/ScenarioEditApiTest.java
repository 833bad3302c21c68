package io.teamscpe.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.teamscpe.emulator.http.QueryString;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The control API's single-item edits: a tenant, user, meeting or attendance report added or removed while the rest
 * of the scenario, another tester's meetings included, stays served by Graph.
 */
class ScenarioEditApiTest {

    static final String TENANT = "11111111-2222-3333-4444-555555555555";
    static final String DANA = "aaaaaaaa-0000-0000-0000-000000000001";
    static final String ANN = "aaaaaaaa-0000-0000-0000-000000000002";
    private static GraphEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = GraphEmulator.start(0);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void load() {
        emulator.loadScenario(scenario(meeting("m-A", DANA, null, "r-A", 2)));
    }

    @Test
    void aMeetingAddedNextToAnotherIsServedAndRemovingOneKeepsTheOthers() {
        Http.Reply b = post("/meetings", meeting("m-B+/=", DANA, TENANT, "r-B", 3));
        Http.Reply c = post("/meetings", meeting("m-C", ANN, null, "r-C", 1));

        assertThat(b.status()).isEqualTo(201);
        assertThat(b.json().get("tenantId").asText()).isEqualTo(TENANT);
        assertThat(b.json().get("attendanceRecords").asInt()).isEqualTo(3);
        assertThat(b.raw().headers().firstValue("Location").orElseThrow())
                .isEqualTo("/_emulator/meetings/" + QueryString.encode("m-B+/="));
        assertThat(c.status()).isEqualTo(201);
        assertThat(c.json().get("tenantId").asText()).as("the organizer's tenant").isEqualTo(TENANT);
        String token = token();
        assertThat(byJoinUrl(DANA, "m-A", token)).containsExactly("m-A");
        assertThat(byJoinUrl(DANA, "m-B+/=", token)).containsExactly("m-B+/=");
        assertThat(records(DANA, "m-A", "r-A", token)).isEqualTo(2);
        assertThat(records(DANA, "m-B+/=", "r-B", token)).isEqualTo(3);
        assertThat(records(ANN, "m-C", "r-C", token)).isEqualTo(1);

        assertThat(delete("/meetings/" + QueryString.encode("m-B+/=")).status()).isEqualTo(204);

        assertThat(Http.get(meetingUrl(DANA, "m-B+/="), token).status()).isEqualTo(404);
        assertThat(byJoinUrl(DANA, "m-B+/=", token)).isEmpty();
        assertThat(records(DANA, "m-A", "r-A", token)).isEqualTo(2);
        assertThat(records(ANN, "m-C", "r-C", token)).isEqualTo(1);
        assertThat(summary().get("meetings").asInt()).isEqualTo(2);
    }

    @Test
    void anAttendanceReportIsAddedAndRemovedWithItsRecords() {
        Http.Reply added = post("/meetings/m-A/attendanceReports", report("r-A2", 4));

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("meetingId").asText()).isEqualTo("m-A");
        assertThat(added.json().get("attendanceRecords").asInt()).isEqualTo(4);
        String token = token();
        assertThat(reportIds(DANA, "m-A", token)).containsExactly("r-A", "r-A2");
        assertThat(records(DANA, "m-A", "r-A2", token)).isEqualTo(4);

        assertThat(delete("/meetings/m-A/attendanceReports/r-A?tenantId=" + TENANT).status()).isEqualTo(204);

        assertThat(reportIds(DANA, "m-A", token)).containsExactly("r-A2");
        assertThat(Http.get(meetingUrl(DANA, "m-A") + "/attendanceReports/r-A", token).status()).isEqualTo(404);
        assertThat(records(DANA, "m-A", "r-A2", token)).isEqualTo(4);
        assertThat(summary().get("attendanceRecords").asInt()).isEqualTo(4);
    }

    @Test
    void aTenantAndAUserAreAddedAndRemovedAlone() {
        Http.Reply tenant = post("/tenants", """
                {"id":"t-2","displayName":"Fabrikam","apps":[{"clientId":"app-2","secrets":[{"value":"pw2"}],
                  "adminConsent":true,"applicationPermissions":["User.Read.All"]}]}""");
        assertThat(tenant.status()).isEqualTo(201);
        assertThat(tenant.json().get("displayName").asText()).isEqualTo("Fabrikam");
        String token2 = SdkClients.appToken(emulator, "t-2", "app-2", "pw2");

        Http.Reply user = post("/tenants/T-2/users", "{\"id\":\"u-9\",\"displayName\":\"Nia\","
                + "\"userPrincipalName\":\"nia@fabrikam.com\"}");
        assertThat(user.status()).isEqualTo(201);
        assertThat(user.json().get("displayName").asText()).isEqualTo("Nia");
        assertThat(Http.get(emulator.baseUrl() + "/v1.0/users/nia%40fabrikam.com", token2).status()).isEqualTo(200);

        assertThat(delete("/tenants/t-2/users/nia%40fabrikam.com").status()).isEqualTo(204);
        assertThat(Http.get(emulator.baseUrl() + "/v1.0/users/u-9", token2).status()).isEqualTo(404);

        assertThat(delete("/tenants/t-2").status()).isEqualTo(204);
        assertThat(Http.form(emulator.baseUrl() + "/t-2/oauth2/v2.0/token", "grant_type=client_credentials"
                + "&client_id=app-2&client_secret=pw2&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default", null)
                .status()).isNotEqualTo(200);
        assertThat(records(DANA, "m-A", "r-A", token())).as("the first tenant is untouched").isEqualTo(2);
        assertThat(summary().get("tenants").asInt()).isEqualTo(1);
        assertThat(summary().get("users").asInt()).isEqualTo(2);
    }

    @Test
    void addingWhatExistsIsAConflict() {
        assertError(post("/tenants", "{\"id\":\"" + TENANT.toUpperCase() + "\"}"), 409, "conflict");
        assertError(post("/tenants/" + TENANT + "/users", "{\"id\":\"" + DANA + "\"}"), 409, "conflict");
        assertError(post("/tenants/" + TENANT + "/users", "{\"id\":\"new\",\"userPrincipalName\":\"ANN@contoso.com\"}"),
                409, "conflict");
        assertError(post("/meetings", meeting("m-A", ANN, TENANT, "x", 0)), 409, "conflict");
        assertError(post("/meetings", meeting("m-other", DANA, null, "x", 0).replace("join-m-other", "join-m-A")),
                409, "conflict");
        assertError(post("/meetings/m-A/attendanceReports", report("R-A", 1)), 409, "conflict");
        assertThat(summary().get("meetings").asInt()).isEqualTo(1);
        assertThat(summary().get("attendanceRecords").asInt()).isEqualTo(2);
    }

    @Test
    void removingOrAddingUnderWhatIsUnknownIsNotFound() {
        // the descriptions show the edit, not the router, answered: an unknown route is a 404 "not_found" too
        assertNotFound(delete("/tenants/nope"), "no tenant 'nope'");
        assertNotFound(delete("/tenants/" + TENANT + "/users/nobody"), "has no user 'nobody'");
        assertNotFound(delete("/meetings/nope"), "no meeting 'nope'");
        assertNotFound(delete("/meetings/m-A?tenantId=nope"), "no tenant 'nope'");
        assertNotFound(delete("/meetings/m-A/attendanceReports/nope"), "has no attendance report 'nope'");
        assertNotFound(post("/tenants/nope/users", "{\"id\":\"u\"}"), "no tenant 'nope'");
        assertNotFound(post("/meetings/nope/attendanceReports", report("r", 0)), "no meeting 'nope'");
        assertNotFound(post("/meetings", meeting("m-X", "ghost", null, "r", 0)), "no tenant has a user 'ghost'");
        assertThat(summary().get("meetings").asInt()).isEqualTo(1);
    }

    @Test
    void invalidBodiesAreRefused() {
        assertError(post("/tenants", "{not json"), 400, "invalid_request");
        assertError(post("/tenants", "{\"displayName\":\"no id\"}"), 400, "invalid_request");
        assertError(post("/meetings", "{\"organizerId\":\"" + DANA + "\"}"), 400, "invalid_request");
        assertError(post("/meetings", "{\"id\":\"m-Y\",\"virtualEvent\":\"party\",\"tenantId\":\"" + TENANT + "\"}"),
                400, "invalid_request");
        assertError(post("/meetings", "{\"id\":\"m-Y\"}"), 400, "invalid_request");
        assertError(post("/meetings/m-A/attendanceReports", "{}"), 400, "invalid_request");
    }

    private static void assertNotFound(Http.Reply reply, String description) {
        assertError(reply, 404, "not_found");
        assertThat(reply.json().get("error_description").asText()).contains(description);
    }

    private static void assertError(Http.Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).isEqualTo(error);
        assertThat(reply.json().get("error_description").asText()).isNotBlank();
    }

    private static Http.Reply post(String path, String json) {
        return Http.json("POST", emulator.baseUrl() + "/_emulator" + path, json);
    }

    private static Http.Reply delete(String path) {
        return Http.json("DELETE", emulator.baseUrl() + "/_emulator" + path, "");
    }

    private static JsonNode summary() {
        return Http.get(emulator.baseUrl() + "/_emulator/scenario", null).json();
    }

    private static String token() {
        return SdkClients.appToken(emulator, TENANT, "app-1", "pw");
    }

    private static String meetingUrl(String organizer, String meetingId) {
        return emulator.baseUrl() + "/v1.0/users/" + organizer + "/onlineMeetings/" + QueryString.encode(meetingId);
    }

    private static List<String> byJoinUrl(String organizer, String meetingId, String token) {
        String filter = QueryString.encode("JoinWebUrl eq '" + joinUrl(meetingId) + "'");
        JsonNode found = Http.get(emulator.baseUrl() + "/v1.0/users/" + organizer + "/onlineMeetings?$filter="
                + filter, token).json();
        List<String> ids = new ArrayList<>();
        found.get("value").forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }

    private static List<String> reportIds(String organizer, String meetingId, String token) {
        List<String> ids = new ArrayList<>();
        Http.get(meetingUrl(organizer, meetingId) + "/attendanceReports", token).json().get("value")
                .forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    private static int records(String organizer, String meetingId, String reportId, String token) {
        Http.Reply reply = Http.get(meetingUrl(organizer, meetingId) + "/attendanceReports/" + reportId
                + "/attendanceRecords", token);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        return reply.json().get("value").size();
    }

    static String joinUrl(String meetingId) {
        return "https://teams.microsoft.com/l/meetup-join/join-" + meetingId + "/0";
    }

    /** A meeting body (tenantId null: the organizer's tenant) with one report of {@code records} attendees. */
    static String meeting(String id, String organizer, String tenantId, String reportId, int records) {
        return """
                {%s"id":"%s","organizerId":"%s","joinWebUrl":"%s","subject":"Meeting %s",
                 "startDateTime":"2026-10-05T16:00:00Z","endDateTime":"2026-10-05T17:00:00Z",
                 "attendanceReports":[%s]}""".formatted(tenantId == null ? "" : "\"tenantId\":\"" + tenantId + "\",",
                id, organizer, joinUrl(id), id, report(reportId, records));
    }

    static String report(String id, int records) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            rows.add("{\"emailAddress\":\"p" + i + "@contoso.com\",\"role\":\"Attendee\",\"identity\":{\"id\":\"p" + i
                    + "\"},\"intervals\":[{\"joinDateTime\":\"2026-10-05T16:00:00Z\","
                    + "\"leaveDateTime\":\"2026-10-05T16:30:00Z\"}]}");
        }
        return "{\"id\":\"" + id + "\",\"meetingStartDateTime\":\"2026-10-05T16:00:00Z\","
                + "\"meetingEndDateTime\":\"2026-10-05T17:00:00Z\",\"records\":[" + String.join(",", rows) + "]}";
    }

    /** Tenant {@link #TENANT} with app-1 (global access policy), Dana and Ann, and these meetings. */
    static String scenario(String... meetings) {
        return """
            {"tenants":[{"id":"%s","displayName":"Test",
              "apps":[{"clientId":"app-1","secrets":[{"value":"pw"}],"adminConsent":true,
                "applicationPermissions":["User.Read.All","OnlineMeetings.Read.All","OnlineMeetingArtifact.Read.All"],
                "accessPolicy":{"global":true}}],
              "users":[{"id":"%s","displayName":"Dana","userPrincipalName":"dana@contoso.com"},
                       {"id":"%s","displayName":"Ann","userPrincipalName":"ann@contoso.com"}],
              "meetings":[%s]}]}
            """.formatted(TENANT, DANA, ANN, String.join(",", meetings));
    }
}
