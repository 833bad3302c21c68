package io.teamscpe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.teamscpe.contracts.poll.PollExcluded;
import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.devstack.kafka.EventSchemas;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.KafkaResource;
import io.teamscpe.devstack.quarkus.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Facts arrive as events; the admin reads the Completion report, overrides, and processes CPE. */
@QuarkusTest
class CompletionFlowTest {
    static final String FIRM = "firm-completion";

    @Inject
    ObjectMapper json;

    @Test
    void fromFactsToPublishedCreditAndItsCorrections() {
        Feed feed = new Feed(FIRM, json);
        feed.session();
        feed.roster(new Enrollee("ann", "ann@firm.test", List.of(), "Ann Archer"),
                new Enrollee("bob", "bob@firm.test", List.of("bob.b@other.test"), "Bob Baker"),
                new Enrollee("cat", "cat@firm.test", List.of(), "Cat Cole"));
        feed.attendee("oid-ann", "ann@firm.test", "Ann Archer", false, new int[] {0, 60}, new int[] {30, 100});
        feed.attendee("oid-bob", "Bob.B@other.test", "Bob Baker", false, new int[] {0, 100});
        feed.attendee("oid-dan", "dan@firm.test", "Dan Drew", false, new int[] {0, 60});
        feed.attendee("anonymous:1", null, null, true, new int[] {0, 100});
        feed.publishAttendance();
        for (int p = 1; p <= 6; p++) {
            var ann = Feed.answer("a" + p, "ann@firm.test", "Ann Archer", p * 14);
            var anon = Feed.answer("x" + p, null, null, p * 14);
            feed.poll("poll-" + p, p * 14, p <= 4
                    ? new io.teamscpe.contracts.poll.PollResponse[] {ann, anon,
                    Feed.answer("b" + p, "bob@firm.test", "Bob Baker", p * 14)}
                    : new io.teamscpe.contracts.poll.PollResponse[] {ann, anon});
        }

        JsonPath report = CompletionPoll.until(feed, r -> r.getInt("freshness.pollsIncluded") == 6
                && r.getList("rows").size() == 5);
        Map<String, Object> ann = row(report, "ann");
        assertThat(ann).containsEntry("matchStatus", "ENROLLED").containsEntry("minutesPresent", 100)
                .containsEntry("intervals", 2).containsEntry("pollsAnswered", 6);
        assertThat(ann.get("suggestedCredit").toString()).isEqualTo("2.0");
        assertThat(ann.get("reason").toString()).contains("union of 2 intervals").contains("answered 6 of 6 polls");
        Map<String, Object> bob = row(report, "bob");
        assertThat(bob.get("suggestedCredit").toString()).isEqualTo("1.2");
        assertThat(bob.get("reason").toString()).contains("answered 4 of 6 polls").contains("not met");
        Map<String, Object> cat = row(report, "cat");
        assertThat(cat).containsEntry("minutesPresent", 0).containsEntry("matchStatus", "ENROLLED");
        assertThat(cat.get("finalCredit").toString()).isEqualTo("0.0");
        assertThat(row(report, "oid-dan")).containsEntry("matchStatus", "UNMATCHED_ATTENDEE");
        Map<String, Object> anonymous = row(report, "anonymous:1");
        assertThat(anonymous).containsEntry("matchStatus", "ANONYMOUS").containsEntry("pollsAnswered", 0);
        assertThat(report.getString("freshness.note")).contains("Breakout-room").contains("Anonymous");

        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON)
                .body(Map.of("credit", 2.0, "reason", "Documented technical difficulties: audio dropped"))
                .put("/api/sessions/{id}/completion/bob", feed.sessionId)
                .then().statusCode(200).body("finalCredit", equalTo(2.0f)).body("suggestedCredit", equalTo(1.2f))
                .body("override.by", equalTo("admin@" + FIRM + ".test"));
        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON).body(Map.of("credit", 1))
                .put("/api/sessions/{id}/completion/bob", feed.sessionId).then().statusCode(400);

        process(feed).body("run", equalTo(1)).body("awarded", equalTo(2)).body("revised", equalTo(0))
                .body("noShows", equalTo(1));
        process(feed).body("run", equalTo(2)).body("awarded", equalTo(0)).body("unchanged", equalTo(2))
                .body("noShows", equalTo(1));

        feed.publish(new PollExcluded(feed.sessionId, FIRM, "poll-5", "asked twice", "admin", Instant.now()));
        feed.publish(new PollExcluded(feed.sessionId, FIRM, "poll-6", "asked twice", "admin", Instant.now()));
        CompletionPoll.until(feed, r -> r.getInt("freshness.pollsExcluded") == 2);
        process(feed).body("revised", equalTo(1)).body("unchanged", equalTo(1));

        List<ConsumerRecord<String, String>> credits = KafkaProbe.await(KafkaResource.server().bootstrapServers(),
                "cpe.credits.v1", r -> r.key().equals(feed.sessionId), 3, Duration.ofSeconds(30));
        assertThat(credits).as("ann's and bob's awards and ann's revision; cat never joined: no event").hasSize(3);
        for (ConsumerRecord<String, String> r : credits) {
            assertThat(EventSchemas.validate(KafkaProbe.header(r, "ce_type"), r.value())).isEmpty();
        }
        ConsumerRecord<String, String> revision = credits.get(2);
        assertThat(KafkaProbe.header(revision, "ce_type")).isEqualTo("io.teamscpe.credit.revised.v2");
        assertThat(revision.value()).contains("\"professionalId\":\"ann\"").contains("\"previousCredits\":2.0")
                .contains("\"credits\":1.2");
        assertThat(credits.get(0).value() + credits.get(1).value())
                .contains("Documented technical difficulties");
        assertReportsDownload(feed);
    }

    private static void assertReportsDownload(Feed feed) {
        JsonPath raw = given().auth().oauth2(Tokens.admin(FIRM)).accept(ContentType.JSON)
                .get("/api/sessions/{id}/raw-data", feed.sessionId).then().statusCode(200).extract().jsonPath();
        assertThat(raw.getList("polls")).hasSize(6);
        assertThat(raw.getList("polls.included", Boolean.class))
                .containsExactlyInAnyOrder(true, true, true, true, false, false);
        Map<String, Object> cat = row(raw, "cat");
        assertThat(cat).containsEntry("totalMinutes", 0).containsEntry("matchStatus", "ENROLLED");
        assertThat(raw.getList("rows.find { it.participantId == 'cat' }.answers.answer")).containsOnlyNulls();
        assertThat(raw.getString("note")).contains("Breakout-room time is not available");
        String csv = given().auth().oauth2(Tokens.admin(FIRM)).accept("text/csv")
                .get("/api/sessions/{id}/raw-data", feed.sessionId).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(csv).startsWith("participant_id,display_name,email,match_status").contains("no response")
                .contains("Cat Cole");
        String completionCsv = given().auth().oauth2(Tokens.admin(FIRM)).accept("text/csv")
                .get("/api/sessions/{id}/completion", feed.sessionId).then().statusCode(200).extract().asString();
        assertThat(completionCsv).contains("Documented technical difficulties: audio dropped")
                .contains("NASBA GIB");
    }

    @Test
    void anotherFirmSeesNoReport() {
        Feed feed = new Feed(FIRM, json);
        feed.session();
        CompletionPoll.until(feed, r -> true);
        given().auth().oauth2(Tokens.admin("firm-else")).get("/api/sessions/{id}/completion", feed.sessionId)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin("firm-else")).post("/api/sessions/{id}/process", feed.sessionId)
                .then().statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse process(Feed feed) {
        return given().auth().oauth2(Tokens.admin(FIRM)).post("/api/sessions/{id}/process", feed.sessionId)
                .then().statusCode(200);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(JsonPath report, String participantId) {
        return report.getList("rows", Map.class).stream()
                .filter(r -> participantId.equals(r.get("participantId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + participantId + " in " + report.prettify()));
    }
}
