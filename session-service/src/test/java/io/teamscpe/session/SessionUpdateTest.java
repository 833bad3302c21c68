package io.teamscpe.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.teamscpe.devstack.kafka.EventSchemas;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionUpdateTest {
    static final String SCHEDULED = "io.teamscpe.session.scheduled.v1";

    @BeforeEach
    void demo() {
        Scenarios.demo();
    }

    @Test
    void anUpdateRepublishesTheSessionWithTheNextRevision() {
        String firm = "firm-update";
        String id = EnrollmentApiTest.session(firm, DemoScenario.JOIN_URL);
        Map<String, Object> body = SessionApiTest.body(DemoScenario.JOIN_URL);
        body.put("title", "Ethics for CPAs 2026 (revised)");
        body.put("description", "Now with case studies");
        body.put("deliveryMethod", "GROUP_LIVE");
        put(firm, id, body).statusCode(200).body("revision", equalTo(2))
                .body("title", equalTo("Ethics for CPAs 2026 (revised)")).body("deliveryMethod", equalTo("GROUP_LIVE"))
                .body("meeting.meetingId", equalTo(DemoScenario.MEETING_ID));
        put(firm, id, body).statusCode(200).body("revision", equalTo(2)); // nothing changed: no new revision

        body.put("joinUrl", DemoScenario.RECURRING_JOIN_URL);
        put(firm, id, body).statusCode(200).body("revision", equalTo(3))
                .body("meeting.meetingId", equalTo(DemoScenario.RECURRING_MEETING_ID))
                .body("meeting.start", equalTo("2026-10-05T18:00:00Z"))
                .body("warnings", not(empty()));
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}", id).then()
                .body("joinUrl", equalTo(DemoScenario.RECURRING_JOIN_URL)).body("revision", equalTo(3));

        List<ConsumerRecord<String, String>> events = KafkaProbe.await(RulesetApiTest.bootstrap(), "cpe.sessions.v1",
                r -> id.equals(r.key()) && SCHEDULED.equals(KafkaProbe.header(r, "ce_type")), 3);
        assertThat(events).hasSize(3);
        events.forEach(e -> assertThat(EventSchemas.validate(SCHEDULED, e.value())).isEmpty());
        assertThat(events.get(1).value()).contains("\"revision\":2", "GROUP_LIVE");
        assertThat(events.get(2).value()).contains("\"revision\":3", DemoScenario.RECURRING_MEETING_ID);
        // the first meeting's link is free again
        EnrollmentApiTest.session(firm, DemoScenario.JOIN_URL);
    }

    @Test
    void anUpdateIsRefusedLikeACreate() {
        String firm = "firm-update-refused";
        String id = EnrollmentApiTest.session(firm, DemoScenario.JOIN_URL);
        EnrollmentApiTest.session(firm, DemoScenario.RECURRING_JOIN_URL);
        put(firm, id, SessionApiTest.body(DemoScenario.RECURRING_JOIN_URL)).statusCode(409)
                .body("type", equalTo("https://teamscpe.io/problems/join-url-in-use"));
        put(firm, id, SessionApiTest.body("https://zoom.us/j/1")).statusCode(400)
                .body("type", equalTo("https://teamscpe.io/problems/invalid-join-url"));
        Map<String, Object> body = SessionApiTest.body(DemoScenario.JOIN_URL);
        body.put("deliveryMethod", "CARRIER_PIGEON");
        put(firm, id, body).statusCode(400).body("errors.field", hasItem("deliveryMethod"));
        put("firm-other", id, SessionApiTest.body(DemoScenario.JOIN_URL)).statusCode(404);
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}", id).then().body("revision", equalTo(1));

        given().auth().oauth2(Tokens.admin(firm)).delete("/api/sessions/{id}", id).then().statusCode(200);
        put(firm, id, SessionApiTest.body(DemoScenario.JOIN_URL)).statusCode(410)
                .body("type", equalTo("https://teamscpe.io/problems/session-cancelled"));
    }

    @Test
    void applicationProvidersNeedTheOrganizerAndDelegatedOnesRefuseIt() {
        String firm = "firm-provider-types";
        Map<String, Object> noOrganizer = SessionApiTest.body(DemoScenario.JOIN_URL);
        noOrganizer.remove("organizerId");
        create(firm, noOrganizer).statusCode(422)
                .body("type", equalTo("https://teamscpe.io/problems/organizer-required"));

        Map<String, Object> delegated = SessionApiTest.body(DemoScenario.JOIN_URL);
        delegated.put("providerId", TestTokenBroker.DELEGATED_PROVIDER_ID);
        create(firm, delegated).statusCode(422)
                .body("type", equalTo("https://teamscpe.io/problems/organizer-not-allowed"))
                .body("errors.field", equalTo(List.of("organizerId")));

        delegated.remove("organizerId");
        create(firm, delegated).statusCode(201).body("meeting.meetingId", equalTo(DemoScenario.MEETING_ID))
                .body("meeting.organizerId", equalTo(DemoScenario.ORGANIZER_ID));
    }

    private static ValidatableResponse create(String firm, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(body)
                .post("/api/sessions").then();
    }

    private static ValidatableResponse put(String firm, String id, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(body)
                .put("/api/sessions/{id}", id).then();
    }
}
