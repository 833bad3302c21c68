package io.teamscpe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.devstack.kafka.EventSchemas;
import io.teamscpe.devstack.quarkus.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The LMS shows what each "process CPE" run sent downstream without opening the audit bundle. */
@QuarkusTest
class ProcessingHistoryTest {
    static final String FIRM = "firm-processing-history";

    @Inject
    ObjectMapper json;

    @Test
    void everyRunListsWhoWhenItsCountsAndTheCreditEventsItSent() throws Exception {
        Feed feed = new Feed(FIRM, json);
        feed.session();
        feed.roster(new Enrollee("ann", "ann@firm.test", List.of(), "Ann Archer"),
                new Enrollee("bob", "bob@firm.test", List.of(), "Bob Baker"));
        feed.attendee("oid-ann", "ann@firm.test", "Ann Archer", false, new int[] {0, 100});
        feed.attendee("oid-bob", "bob@firm.test", "Bob Baker", false, new int[] {0, 50});
        feed.publishAttendance();
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth()
                .oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion", feed.sessionId).then()
                .statusCode(200).body("rows.minutesPresent", contains(100, 50)));
        runs(feed).body("items", equalTo(List.of()));
        String location = given().auth().oauth2(Tokens.admin(FIRM)).post("/api/sessions/{id}/process", feed.sessionId)
                .then().statusCode(200).body("run", equalTo(1)).body("delivery.events", equalTo(2))
                .extract().header("Content-Location");
        assertThat(location).isEqualTo("/api/sessions/" + feed.sessionId + "/processing-runs/1");
        Awaitility.await("the run's events acknowledged by Kafka").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(Tokens.admin(FIRM)).get(location).then().statusCode(200)
                        .body("run.delivery.state", equalTo("DELIVERED")).body("run.delivery.sent", equalTo(2)));
        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON)
                .body(Map.of("credit", 2, "reason", "Documented technical difficulties: audio dropped"))
                .put("/api/sessions/{id}/completion/bob", feed.sessionId).then().statusCode(200);
        process(feed);

        runs(feed).body("sessionId", equalTo(feed.sessionId)).body("items.run", contains(2, 1))
                .body("items.awarded", contains(0, 2)).body("items.revised", contains(1, 0))
                .body("items.unchanged", contains(1, 0)).body("items.revoked", contains(0, 0))
                .body("items.delivery.events", contains(1, 2)).body("items.noShows", contains(0, 0))
                .body("items.processedBy", contains("admin@" + FIRM + ".test", "admin@" + FIRM + ".test"));

        JsonPath first = run(feed, 1).statusCode(200).extract().jsonPath();
        assertThat(first.getInt("run.awarded")).isEqualTo(2);
        assertThat(first.getList("events.type")).containsOnly("io.teamscpe.credit.awarded.v2").hasSize(2);
        assertThat(first.getList("events.data.professionalId")).containsExactlyInAnyOrder("ann", "bob");
        assertThat(first.getList("events.data.award.processingRun")).containsOnly(1);
        assertThat(first.getList("events.eventId")).doesNotContainNull();

        JsonPath second = run(feed, 2).statusCode(200).extract().jsonPath();
        assertThat(second.getList("events.type")).containsExactly("io.teamscpe.credit.revised.v2");
        Map<String, Object> revised = second.getMap("events[0].data");
        assertThat(revised).containsEntry("professionalId", "bob");
        assertThat(revised.get("previousCredits").toString()).isEqualTo("1.0");
        assertThat(EventSchemas.validate("io.teamscpe.credit.revised.v2", json.writeValueAsString(revised)))
                .isEmpty();

        run(feed, 3).statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/processing-run-not-found"));
        given().auth().oauth2(Tokens.admin("firm-else")).get("/api/sessions/{id}/processing-runs", feed.sessionId)
                .then().statusCode(404);
    }

    private static void process(Feed feed) {
        given().auth().oauth2(Tokens.admin(FIRM)).post("/api/sessions/{id}/process", feed.sessionId).then()
                .statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse runs(Feed feed) {
        return given().auth().oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/processing-runs", feed.sessionId)
                .then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse run(Feed feed, int run) {
        return given().auth().oauth2(Tokens.admin(FIRM))
                .get("/api/sessions/{id}/processing-runs/{run}", feed.sessionId, run).then();
    }
}
