package io.teamscpe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.contracts.session.SessionDetails;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.devstack.quarkus.Tokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An operator lists what a consumer parked on a dead-letter topic and, once the cause is fixed, sends it back:
 * the event is applied, and sending it back again applies nothing twice.
 */
@QuarkusTest
class DeadLetterRedriveTest {
    static final String FIRM = "firm-redrive";
    static final String DLT = "cpe.sessions.v1.dlt";

    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    @Test
    void aParkedEventIsListedSentBackAppliedAndNeverAppliedTwice() {
        Feed feed = new Feed(FIRM, json);
        feed.session();
        feed.roster(new Enrollee("ann", "ann@firm.test", List.of(), "Ann Archer"));
        feed.attendee("oid-ann", "ann@firm.test", "Ann Archer", false, new int[] {0, 100});
        feed.publishAttendance();
        awaitCredit(feed, "2.0");

        String eventId = feed.parkInDeadLetter(revision(feed, 2, "1"), "ruleset not found (fixed since)");
        JsonPath parked = given().auth().oauth2(Tokens.operator()).get("/internal/dead-letters/{t}", DLT)
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> record = parked.getList("", Map.class).stream()
                .filter(r -> eventId.equals(r.get("eventId"))).findFirst().orElseThrow();
        assertThat(record).containsEntry("reason", "ruleset not found (fixed since)")
                .containsEntry("eventType", "io.teamscpe.session.scheduled.v1");
        Map<String, Object> place = Map.of("partition", record.get("partition"), "offset", record.get("offset"));

        redrive(place).body("sent", org.hamcrest.Matchers.hasSize(1));
        awaitCredit(feed, "1.0");

        redrive(place).body("sent", org.hamcrest.Matchers.hasSize(1));
        feed.publish(revision(feed, 3, "2"));
        awaitCredit(feed, "2.0");
        long applied = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where event_id = ?1").setParameter(1, eventId)
                .getSingleResult()).longValue());
        assertThat(applied).as("sent back twice, applied once").isEqualTo(1);
    }

    @Test
    void onlyOperatorsReachDeadLettersAndOnlyTheSuitesTopics() {
        given().auth().oauth2(Tokens.admin(FIRM)).get("/internal/dead-letters/{t}", DLT).then().statusCode(403);
        given().auth().oauth2(Tokens.service()).get("/internal/dead-letters/{t}", DLT).then().statusCode(403);
        given().auth().oauth2(Tokens.operator()).get("/internal/dead-letters/{t}", "__consumer_offsets")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Map.of("records", List.of()))
                .post("/internal/dead-letters/{t}/redrive", DLT).then().statusCode(400);
    }

    private static io.restassured.response.ValidatableResponse redrive(Map<String, Object> place) {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("records", List.of(place))).post("/internal/dead-letters/{t}/redrive", DLT)
                .then().statusCode(200);
    }

    private static SessionScheduled revision(Feed feed, int revision, String maxCredits) {
        return new SessionScheduled(feed.sessionId, FIRM, revision, new SessionDetails("Ethics 2026", "provider-1",
                "organizer-1", "meeting-" + feed.sessionId, "https://teams.microsoft.com/l/meetup-join/x/0",
                Feed.START, Feed.END, "America/New_York", new BigDecimal(maxCredits), List.of("Ethics"),
                "GROUP_INTERNET_BASED", feed.rulesetId(), 1), Instant.now());
    }

    private static void awaitCredit(Feed feed, String credit) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                given().auth().oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion", feed.sessionId)
                        .then().statusCode(200).extract().jsonPath()
                        .getString("rows.find { it.participantId == 'ann' }.suggestedCredit")).isEqualTo(credit));
    }
}
