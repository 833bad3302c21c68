package io.teamscpe.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.teamscpe.devstack.kafka.EventSchemas;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.KafkaResource;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.Scenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionApiTest {
    @BeforeEach
    void loadScenario() {
        GraphEmulatorResource.emulator().loadScenario(DemoScenario.build());
    }

    @Test
    void aSessionResolvesItsJoinUrlAndIsPublished() {
        String firm = "firm-create";
        String id = create(firm, DemoScenario.JOIN_URL).then().statusCode(201)
                .body("meeting.meetingId", equalTo(DemoScenario.MEETING_ID))
                .body("meeting.organizerId", equalTo(DemoScenario.ORGANIZER_ID))
                .body("meeting.start", equalTo("2026-10-05T16:00:00Z"))
                .body("deliveryMethod", equalTo("GROUP_INTERNET_BASED"))
                .body("warnings", empty())
                .extract().path("id");
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}", id).then().statusCode(200)
                .body("status", equalTo("SCHEDULED"));
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions?from=2026-10-01T00:00:00Z").then()
                .statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(Tokens.admin("firm-other")).get("/api/sessions/{id}", id).then().statusCode(404);

        ConsumerRecord<String, String> event = KafkaProbe.await(KafkaResource.server().bootstrapServers(),
                "cpe.sessions.v1", r -> id.equals(r.key()), 1, KafkaProbe.DEFAULT_TIMEOUT).get(0);
        assertThat(KafkaProbe.header(event, "ce_type")).isEqualTo("io.teamscpe.session.scheduled.v1");
        assertThat(EventSchemas.validate("io.teamscpe.session.scheduled.v1", event.value())).isEmpty();
        assertThat(event.value()).contains(DemoScenario.MEETING_ID);
    }

    @Test
    void aJoinUrlIsUsedByOneSessionOfAFirm() {
        String firm = "firm-duplicate";
        create(firm, DemoScenario.RECURRING_JOIN_URL).then().statusCode(201);
        create(firm, DemoScenario.RECURRING_JOIN_URL).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/join-url-in-use"));
    }

    @Test
    void eachUnsupportedMeetingHasItsOwnProblem() {
        String firm = "firm-refusals";
        assertRefused(firm, DemoScenario.MEET_NOW_JOIN_URL, "meet-now-not-supported");
        assertRefused(firm, DemoScenario.LIVE_EVENT_JOIN_URL, "live-event-not-supported");
        assertRefused(firm, DemoScenario.CHANNEL_JOIN_URL, "channel-meeting-not-supported");
        assertRefused(firm, DemoScenario.WEBINAR_JOIN_URL, "webinar-not-supported");
        assertRefused(firm, DemoScenario.TOWNHALL_JOIN_URL, "town-hall-not-supported");
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void withoutTheVirtualEventPermissionAWebinarCannotBeRuledOutAndTheAdminIsWarned() {
        Scenarios.withoutPermission("VirtualEvent.Read.All");
        create("firm-no-virtual-events", DemoScenario.JOIN_URL).then().statusCode(201)
                .body("warnings", hasItem(containsString("VirtualEvent.Read.All")));
    }

    @Test
    void aMeetingOfAnotherOrganizerIsNotFoundWithTheLikelyCause() {
        Map<String, Object> body = body(DemoScenario.JOIN_URL);
        body.put("organizerId", DemoScenario.build().tenants().get(0).users().get(1).id());
        given().auth().oauth2(Tokens.admin("firm-organizer")).contentType(ContentType.JSON).body(body)
                .post("/api/sessions").then().statusCode(422)
                .body("type", equalTo("https://teamscpe.io/problems/meeting-not-found"))
                .body("detail", containsString("another organizer"));
    }

    @Test
    void badInputIsRefusedWithWhatToFix() {
        String firm = "firm-bad-input";
        assertThat(create(firm, "https://zoom.us/j/123").then().statusCode(400)
                .body("type", equalTo("https://teamscpe.io/problems/invalid-join-url"))
                .extract().path("detail").toString()).contains("teams.microsoft.com");
        Map<String, Object> body = body(DemoScenario.JOIN_URL);
        body.put("timeZone", "Mars/Olympus");
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(body).post("/api/sessions")
                .then().statusCode(400).body("type", equalTo("https://teamscpe.io/problems/invalid-time-zone"));
        body = body(DemoScenario.JOIN_URL);
        body.put("providerId", "99999999-9999-4999-8999-999999999999");
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(body).post("/api/sessions")
                .then().statusCode(422).body("type", equalTo("https://teamscpe.io/problems/provider-unusable"));
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(Map.of("title", ""))
                .post("/api/sessions").then().statusCode(400)
                .body("errors.field", hasItem("joinUrl")).body("errors.field", hasItem("scheduledStart"));
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions").then().body("items", hasSize(0));
    }

    private static void assertRefused(String firm, String joinUrl, String problem) {
        create(firm, joinUrl).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/" + problem));
    }

    private static io.restassured.response.Response create(String firm, String joinUrl) {
        return given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(body(joinUrl))
                .post("/api/sessions");
    }

    static Map<String, Object> body(String joinUrl) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Ethics for CPAs 2026");
        body.put("scheduledStart", "2026-10-05T16:00:00Z");
        body.put("scheduledEnd", "2026-10-05T17:40:00Z");
        body.put("timeZone", "America/New_York");
        body.put("maxCredits", 2);
        body.put("fieldsOfStudy", List.of("Ethics (Regulatory)"));
        body.put("providerId", TestTokenBroker.PROVIDER_ID);
        body.put("organizerId", DemoScenario.ORGANIZER_ID);
        body.put("joinUrl", joinUrl);
        return body;
    }
}
