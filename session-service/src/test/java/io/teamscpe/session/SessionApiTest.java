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
    static final String MEET_NOW_THREAD = "19:meeting_bWVldC1ub3c@thread.v2";
    static final String LIVE_EVENT_THREAD = "19:meeting_bGl2ZS1ldmVudA@thread.v2";
    static final String CHANNEL_THREAD = "19:c0ffee00channel@thread.tacv2";

    @BeforeEach
    void loadScenario() {
        Scenario demo = DemoScenario.build();
        Scenario.Tenant t = demo.tenants().get(0);
        List<Scenario.Meeting> meetings = new ArrayList<>(t.meetings());
        meetings.add(meeting(MEET_NOW_THREAD, null, null, false));
        meetings.add(meeting(LIVE_EVENT_THREAD, DemoScenario.MEETING_START, DemoScenario.MEETING_END, true));
        meetings.add(meeting(CHANNEL_THREAD, DemoScenario.MEETING_START, DemoScenario.MEETING_END, false));
        GraphEmulatorResource.emulator().loadScenario(new Scenario(List.of(new Scenario.Tenant(t.id(),
                t.displayName(), t.apps(), t.users(), meetings)), demo.graphPageSize(), demo.tokenLifetimeSeconds()));
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
        assertRefused(firm, DemoScenario.joinUrl(MEET_NOW_THREAD), "meet-now-not-supported");
        assertRefused(firm, DemoScenario.joinUrl(LIVE_EVENT_THREAD), "live-event-not-supported");
        assertRefused(firm, DemoScenario.joinUrl(CHANNEL_THREAD), "channel-meeting-not-supported");
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions").then().statusCode(200)
                .body("items", hasSize(0));
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

    private static Scenario.Meeting meeting(String thread, Instant start, Instant end, boolean broadcast) {
        return new Scenario.Meeting(DemoScenario.meetingId(thread), DemoScenario.ORGANIZER_ID,
                DemoScenario.joinUrl(thread), "Special", start, end, null, broadcast, null, List.of());
    }
}
