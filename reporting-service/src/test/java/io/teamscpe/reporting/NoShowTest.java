package io.teamscpe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.devstack.quarkus.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An enrolled professional who never joined is a no-show, told apart from an attendee whose join/leave times Teams
 * did not report, in the Completion and Raw Data reports and their downloads.
 */
@QuarkusTest
class NoShowTest {
    static final String FIRM = "firm-no-shows";

    @Inject
    ObjectMapper json;

    @Test
    void aNoShowIsNotAnAttendeeWithoutTimes() {
        Feed feed = new Feed(FIRM, json);
        feed.session();
        feed.roster(new Enrollee("ann", "ann@firm.test", List.of(), "Ann Archer"),
                new Enrollee("cat", "cat@firm.test", List.of(), "Cat Cole"),
                new Enrollee("dee", "dee@firm.test", List.of(), "Dee Dunn"));
        feed.attendee("oid-ann", "ann@firm.test", "Ann Archer", false, new int[] {0, 100});
        feed.attendee("oid-dee", "dee@firm.test", "Dee Dunn", List.of(new Interval(null, null)));
        feed.publishAttendance();
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth()
                .oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion", feed.sessionId).then()
                .statusCode(200).body("rows.find { it.participantId == 'dee' }.intervals", equalTo(1)));

        JsonPath completion = given().auth().oauth2(Tokens.admin(FIRM))
                .get("/api/sessions/{id}/completion", feed.sessionId).then().extract().jsonPath();
        assertThat(row(completion, "ann")).containsEntry("attendance", "PRESENT");
        Map<String, Object> cat = row(completion, "cat");
        assertThat(cat).containsEntry("attendance", "NO_SHOW").containsEntry("matchStatus", "ENROLLED");
        assertThat(cat.get("reason").toString()).startsWith("0 credits: present 0 min (no-show: never joined)");
        Map<String, Object> dee = row(completion, "dee");
        assertThat(dee).containsEntry("attendance", "TIMES_NOT_REPORTED");
        assertThat(dee.get("reason").toString())
                .startsWith("0 credits: present 0 min (joined, but Teams reported no join/leave times)");

        JsonPath raw = given().auth().oauth2(Tokens.admin(FIRM)).accept("application/json")
                .get("/api/sessions/{id}/raw-data", feed.sessionId).then().statusCode(200).extract().jsonPath();
        assertThat(row(raw, "cat")).containsEntry("attendance", "NO_SHOW");
        assertThat(row(raw, "dee")).containsEntry("attendance", "TIMES_NOT_REPORTED");

        // attendance, then match_method and mapped_attendees (none: no attendee was mapped)
        assertThat(csvLine(feed, "completion", "cat")).endsWith(",no-show: never joined the meeting,,");
        assertThat(csvLine(feed, "completion", "dee"))
                .endsWith(",joined: join/leave times not reported by Teams,EMAIL,");
        assertThat(csvLine(feed, "raw-data", "cat")).endsWith(",no-show: never joined the meeting,,");
        assertThat(csvLine(feed, "raw-data", "ann")).endsWith(",present,EMAIL,");
    }

    @Test
    void processingSendsNoCreditEventForANoShowButDoesForAnAttendeeWithoutTimes() {
        Feed feed = new Feed(FIRM, json);
        feed.session();
        feed.roster(new Enrollee("eve", "eve@firm.test", List.of(), "Eve Eaton"),
                new Enrollee("fay", "fay@firm.test", List.of(), "Fay Fox"),
                new Enrollee("gil", "gil@firm.test", List.of(), "Gil Grant"));
        feed.attendee("oid-eve", "eve@firm.test", "Eve Eaton", false, new int[] {0, 100});
        feed.attendee("oid-gil", "gil@firm.test", "Gil Grant", List.of(new Interval(null, null)));
        feed.publishAttendance();
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth()
                .oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion", feed.sessionId).then()
                .statusCode(200).body("rows.find { it.participantId == 'gil' }.intervals", equalTo(1)));

        given().auth().oauth2(Tokens.admin(FIRM)).post("/api/sessions/{id}/process", feed.sessionId).then()
                .statusCode(200).body("awarded", equalTo(2)).body("noShows", equalTo(1));
        JsonPath run = given().auth().oauth2(Tokens.admin(FIRM))
                .get("/api/sessions/{id}/processing-runs/1", feed.sessionId).then().statusCode(200).extract()
                .jsonPath();
        assertThat(run.getList("events.data.professionalId", String.class)).containsExactlyInAnyOrder("eve", "gil");

        given().auth().oauth2(Tokens.admin(FIRM)).contentType("application/json")
                .body(Map.of("credit", 2, "reason", "Attended in the room; signed the paper sheet"))
                .put("/api/sessions/{id}/completion/fay", feed.sessionId).then().statusCode(200);
        given().auth().oauth2(Tokens.admin(FIRM)).post("/api/sessions/{id}/process", feed.sessionId).then()
                .statusCode(200).body("awarded", equalTo(1)).body("noShows", equalTo(0))
                .body("unchanged", equalTo(2));
    }

    private static String csvLine(Feed feed, String report, String participantId) {
        String csv = given().auth().oauth2(Tokens.admin(FIRM)).accept("text/csv")
                .get("/api/sessions/{id}/" + report, feed.sessionId).then().statusCode(200).extract().asString();
        return csv.lines().filter(l -> l.startsWith(participantId + ",")).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + participantId + " in " + csv));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(JsonPath report, String participantId) {
        return report.getMap("rows.find { it.participantId == '" + participantId + "' }");
    }
}
