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

/** Graph and control endpoints at the HTTP level: error shapes, paging links, odd ids, scenario control. */
class GraphHttpTest {

    private static final String TENANT = "11111111-2222-3333-4444-555555555555";
    private static final String ORGANIZER = "aaaaaaaa-0000-0000-0000-000000000001";
    private static final String ODD_ID = "MSo+odd/id==";
    private static final String JOIN = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0"
            + "?context=%7b%22Tid%22%3a%22" + TENANT + "%22%7d&it's=1";
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
        emulator.loadScenario(scenario(3600));
    }

    @Test
    void graphRejectsMissingAndForeignTokensInGraphsShape() {
        Http.Reply none = Http.get(emulator.baseUrl() + "/v1.0/users/" + ORGANIZER, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().at("/error/code").asText()).isEqualTo("InvalidAuthenticationToken");
        assertThat(none.json().at("/error/innerError/request-id").asText()).isNotBlank();
        assertThat(none.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");

        String foreign;
        try (GraphEmulator other = GraphEmulator.start(0)) {
            other.loadScenario(scenario(3600));
            foreign = SdkClients.appToken(other, TENANT, "app-1", "pw");
        }
        Http.Reply forged = Http.get(emulator.baseUrl() + "/v1.0/users/" + ORGANIZER, foreign);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().at("/error/message").asText()).startsWith("Access token validation failure");
    }

    @Test
    void expiredTokenIsRejected() {
        emulator.loadScenario(scenario(0));
        String token = SdkClients.appToken(emulator, TENANT, "app-1", "pw");

        Http.Reply reply = Http.get(emulator.baseUrl() + "/v1.0/users/" + ORGANIZER, token);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().at("/error/message").asText()).contains("expired");
    }

    @Test
    void usersByIdUpnSearchAndFilterWithPaging() {
        String token = token();
        assertThat(Http.get(emulator.baseUrl() + "/v1.0/users/dana%40contoso.com", token).json().get("id").asText())
                .isEqualTo(ORGANIZER);
        Http.Reply missing = Http.get(emulator.baseUrl() + "/v1.0/users/nobody", token);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/code").asText()).isEqualTo("Request_ResourceNotFound");

        List<String> names = new ArrayList<>();
        String url = emulator.baseUrl() + "/v1.0/users?$search=" + QueryString.encode("\"displayName:an\"") + "&$top=1";
        while (url != null) {
            JsonNode page = Http.get(url, token).json();
            page.get("value").forEach(u -> names.add(u.get("displayName").asText()));
            url = page.has("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
        }
        assertThat(names).containsExactly("Dana Organizer", "Ann Other");

        JsonNode filtered = Http.get(emulator.baseUrl() + "/v1.0/users?$filter="
                + QueryString.encode("startswith(displayName,'ann')"), token).json();
        assertThat(filtered.get("value")).hasSize(1);
    }

    @Test
    void meetingIdsWithReservedCharactersAndQuotedJoinUrls() {
        String token = token();
        String filter = QueryString.encode("JoinWebUrl eq '" + JOIN.replace("'", "''") + "'");
        JsonNode found = Http.get(emulator.baseUrl() + "/v1.0/users/" + ORGANIZER + "/onlineMeetings?$filter="
                + filter, token).json();
        assertThat(found.get("value")).hasSize(1);
        assertThat(found.at("/value/0/id").asText()).isEqualTo(ODD_ID);

        String meetingPath = emulator.baseUrl() + "/v1.0/users/" + ORGANIZER + "/onlineMeetings/"
                + QueryString.encode(ODD_ID);
        assertThat(Http.get(meetingPath, token).json().get("subject").asText()).isEqualTo("Odd");
        JsonNode records = Http.get(meetingPath + "/attendanceReports/r1/attendanceRecords?$top=1", token).json();
        assertThat(records.get("value")).hasSize(1);
        assertThat(records.at("/value/0/attendanceIntervals/0/durationInSeconds").asInt()).isZero();
        assertThat(records.at("/value/0/totalAttendanceInSeconds").asInt()).isZero();
        assertThat(records.get("@odata.nextLink").asText()).startsWith(meetingPath + "/attendanceReports/r1");
        JsonNode second = Http.get(records.get("@odata.nextLink").asText(), token).json();
        assertThat(second.at("/value/0/totalAttendanceInSeconds").asInt()).isEqualTo(90);
        assertThat(second.at("/value/0/attendanceIntervals/0/joinDateTime").asText()).isEqualTo("2026-10-05T16:00:00Z");
        assertThat(second.has("@odata.nextLink")).isFalse();

        Http.Reply otherOrganizer = Http.get(emulator.baseUrl() + "/v1.0/users/ann%40contoso.com/onlineMeetings/"
                + QueryString.encode(ODD_ID), token);
        assertThat(otherOrganizer.status()).isEqualTo(404);
    }

    @Test
    void unknownGraphPathsAndControlEndpoints() {
        Http.Reply unknown = Http.get(emulator.baseUrl() + "/v1.0/nothingHere", token());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/error/code").asText()).isEqualTo("BadRequest");

        assertThat(Http.get(emulator.baseUrl() + "/_emulator/health", null).status()).isEqualTo(200);
        Http.Reply loaded = Http.json("PUT", emulator.baseUrl() + "/_emulator/scenario",
                "{\"tenants\":[{\"id\":\"t2\",\"surprise\":1,\"users\":[{\"id\":\"u\"}]}],\"graphPageSize\":5}");
        assertThat(loaded.status()).isEqualTo(200);
        JsonNode summary = Http.get(emulator.baseUrl() + "/_emulator/scenario", null).json();
        assertThat(summary.get("tenants").asInt()).isEqualTo(1);
        assertThat(summary.get("users").asInt()).isEqualTo(1);
        assertThat(summary.get("graphPageSize").asInt()).isEqualTo(5);
        assertThat(Http.json("PUT", emulator.baseUrl() + "/_emulator/scenario", "{not json").status()).isEqualTo(400);
    }

    private static String token() {
        return SdkClients.appToken(emulator, TENANT, "app-1", "pw");
    }

    private static String scenario(int tokenLifetime) {
        return """
            {"tenants":[{"id":"%s","displayName":"Test",
              "apps":[{"clientId":"app-1","secrets":[{"value":"pw"}],"adminConsent":true,
                "applicationPermissions":["User.Read.All","OnlineMeetings.Read.All","OnlineMeetingArtifact.Read.All"],
                "accessPolicy":{"users":["%s","aaaaaaaa-0000-0000-0000-000000000002"]}}],
              "users":[{"id":"%s","displayName":"Dana Organizer","mail":"dana@contoso.com","userPrincipalName":"dana@contoso.com"},
                       {"id":"aaaaaaaa-0000-0000-0000-000000000002","displayName":"Ann Other","userPrincipalName":"ann@contoso.com"},
                       {"id":"aaaaaaaa-0000-0000-0000-000000000003","displayName":"Zed","userPrincipalName":"zed@contoso.com"}],
              "meetings":[{"id":"%s","organizerId":"%s","joinWebUrl":"%s","subject":"Odd",
                "startDateTime":"2026-10-05T16:00:00Z","endDateTime":"2026-10-05T17:00:00+00:00",
                "attendanceReports":[{"id":"r1","records":[
                  {"emailAddress":null,"role":"Attendee","identity":{"id":"teamsvisitor:1"},"intervals":[{"joinDateTime":null,"leaveDateTime":null}]},
                  {"emailAddress":"a@contoso.com","role":"Attendee","identity":{"id":"x"},
                   "attendanceIntervals":[{"joinDateTime":"2026-10-05T16:00:00Z","leaveDateTime":"2026-10-05T16:01:30.999Z"}]}]}]}]}],
             "graphPageSize":100,"tokenLifetimeSeconds":%d}
            """.formatted(TENANT, ORGANIZER, ORGANIZER, ODD_ID, ORGANIZER, JOIN, tokenLifetime);
    }
}
