package io.teamscpe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.devstack.ZipEntries;
import io.teamscpe.devstack.quarkus.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An attendee Teams could not tie to a professional (a guest who did not sign in, a personal account) is mapped by an
 * administrator: the professional's row takes the attendance and its credit is published; undone, the row is
 * unmatched again and the next run corrects the credit. The mapping is remembered for the firm and applied to its
 * later sessions, each undoable there; every change is in the audit bundle.
 */
@QuarkusTest
class AttendanceMappingTest {
    static final Enrollee ANN = new Enrollee("ann", "ann@firm.test", List.of(), "Ann Archer");
    static final Enrollee BOB = new Enrollee("bob", "bob@firm.test", List.of(), "Bob Baker");
    static final Enrollee CARL = new Enrollee("carl", "carl@firm.test", List.of(), "Carl Cook");

    @Inject
    ObjectMapper json;

    @Test
    void aGuestMappedToTheProfessionalEarnsTheirCreditUntilTheMappingIsUndone() throws Exception {
        String firm = "firm-mapping-" + UUID.randomUUID();
        Feed feed = new Feed(firm, json);
        feed.session();
        feed.roster(ANN, BOB, CARL);
        feed.attendee("oid-ann", "ann@firm.test", "Ann Archer", false, new int[] {0, 100});
        feed.attendee("anonymous:5f2a", null, "Bob Baker (iPhone)", true, new int[] {0, 100});
        feed.attendee("oid-xavier", "xavier@other.test", "Xavier Other", false, new int[] {0, 50});
        feed.publishAttendance();
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> completion(firm, feed)
                .body("rows.participantId", containsInAnyOrder("ann", "bob", "carl", "anonymous:5f2a",
                        "oid-xavier")));

        JsonPath listed = mappings(firm, feed).statusCode(200).extract().jsonPath();
        assertThat(listed.getList("mappings")).isEmpty();
        Map<String, Object> guest = listed.getMap("unmatched.find { it.participantKey == 'anonymous:5f2a' }");
        assertThat(guest).containsEntry("matchStatus", "ANONYMOUS").containsEntry("identityKey",
                "name:baker bob iphone");
        assertThat(listed.getList("unmatched.find { it.participantKey == 'anonymous:5f2a' }.suggestions.lmsId"))
                .first().isEqualTo("bob");
        assertThat(listed.getString("unmatched.find { it.participantKey == 'anonymous:5f2a' }.suggestions[0]"
                + ".reason")).contains("alike", "no timed poll answer");

        map(firm, feed, "anonymous:5f2a", "bob").statusCode(201)
                .header("Location", endsWith("/api/sessions/" + feed.sessionId
                        + "/attendance-mappings/anonymous%3A5f2a"))
                .body("method", equalTo("MAPPED")).body("mappedBy", equalTo("admin@" + firm + ".test"))
                .body("inEffect", equalTo(true)).body("professionalName", equalTo("Bob Baker"))
                .body("identityKey", equalTo("name:baker bob iphone"));
        completion(firm, feed).body("rows.participantId", not(hasItem("anonymous:5f2a")))
                .body("rows.find { it.participantId == 'bob' }.attendance", equalTo("PRESENT"))
                .body("rows.find { it.participantId == 'bob' }.minutesPresent", equalTo(100))
                .body("rows.find { it.participantId == 'bob' }.finalCredit", equalTo(2.0f))
                .body("rows.find { it.participantId == 'bob' }.matchMethod", equalTo("MAPPED"))
                .body("rows.find { it.participantId == 'bob' }.mappedAttendees[0].participantKey",
                        equalTo("anonymous:5f2a"))
                .body("rows.find { it.participantId == 'bob' }.mappedAttendees[0].mappedBy",
                        equalTo("admin@" + firm + ".test"))
                .body("rows.find { it.participantId == 'ann' }.matchMethod", equalTo("EMAIL"));
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/raw-data", feed.sessionId).then()
                .statusCode(200).body("rows.find { it.participantId == 'bob' }.totalMinutes", equalTo(100))
                .body("rows.find { it.participantId == 'bob' }.matchMethod", equalTo("MAPPED"))
                .body("rows.find { it.participantId == 'bob' }.mappedAttendees[0].method", equalTo("MAPPED"));
        JsonPath first = process(firm, feed);
        assertThat(first.getList("events.data.professionalId")).contains("bob");
        assertThat(first.getString("events.find { it.data.professionalId == 'bob' }.data.award.credits"))
                .isEqualTo("2.0");

        // what cannot be mapped, each a problem that changes nothing
        refused(map(firm, feed, "anonymous:5f2a", "carl"), 409, "participant-already-matched");
        refused(map(firm, feed, "oid-ann", "carl"), 409, "participant-already-matched");
        refused(map(firm, feed, "oid-xavier", "bob"), 409, "professional-already-mapped");
        refused(map(firm, feed, "oid-xavier", "nobody"), 422, "attendance-mapping-not-enrolled");
        refused(map(firm, feed, "oid-nobody", "carl"), 404, "attendance-participant-not-found");
        refused(given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body("{}")
                .post("/api/sessions/{id}/attendance-mappings", feed.sessionId).then(), 400, "validation-failed");
        refused(undo(firm, feed, "oid-xavier"), 404, "attendance-mapping-not-found");
        given().auth().oauth2(Tokens.admin("firm-else")).get("/api/sessions/{id}/attendance-mappings",
                feed.sessionId).then().statusCode(404).contentType("application/problem+json");

        undo(firm, feed, "anonymous:5f2a").statusCode(204);
        refused(undo(firm, feed, "anonymous:5f2a"), 404, "attendance-mapping-not-found");
        completion(firm, feed).body("rows.find { it.participantId == 'anonymous:5f2a' }.matchStatus",
                        equalTo("ANONYMOUS"))
                .body("rows.find { it.participantId == 'bob' }.attendance", equalTo("NO_SHOW"))
                .body("rows.find { it.participantId == 'bob' }.finalCredit", equalTo(0.0f))
                .body("rows.find { it.participantId == 'bob' }.mappedAttendees", equalTo(List.of()));
        JsonPath second = process(firm, feed);
        assertThat(second.getInt("run.revised")).isEqualTo(1);
        assertThat(second.getList("events.type")).containsExactly("io.teamscpe.credit.revised.v2");
        assertThat(second.getString("events[0].data.professionalId")).isEqualTo("bob");

        JsonNode trail = json.readTree(ZipEntries.read(given().auth().oauth2(Tokens.admin(firm))
                .get("/api/sessions/{id}/audit-bundle", feed.sessionId).then().statusCode(200).extract()
                .asByteArray()).get("attendance-mappings.json"));
        assertThat(trail).hasSize(2);
        assertThat(trail.findValuesAsText("action")).containsExactly("MAPPED", "UNDONE");
        assertThat(trail.findValuesAsText("participantKey")).containsOnly("anonymous:5f2a");
        assertThat(trail.findValuesAsText("lmsId")).containsOnly("bob");
        assertThat(trail.findValuesAsText("by")).containsOnly("admin@" + firm + ".test");
        assertThat(trail.get(0).get("displayName").asText()).isEqualTo("Bob Baker (iPhone)");
        assertThat(trail.get(0).get("firmMemory").asText()).isEqualTo("REMEMBERED");
        assertThat(trail.get(1).get("firmMemory").asText()).isEqualTo("FORGOTTEN");
        assertThat(trail.get(1).get("at").asText()).isNotBlank();
    }

    @Test
    void aMappingIsRememberedForTheFirmAndAppliedToItsLaterSessionsEachUndoableThere() throws Exception {
        String firm = "firm-mapping-" + UUID.randomUUID();
        Feed first = new Feed(firm, json);
        first.session();
        first.roster(BOB);
        first.attendee("oid-bob-home", "bob@home.test", "Bob at home", false, new int[] {0, 100});
        first.publishAttendance();
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> completion(firm, first)
                .body("rows.participantId", containsInAnyOrder("bob", "oid-bob-home")));
        map(firm, first, "oid-bob-home", "bob").statusCode(201).body("identityKey", equalTo("oid:oid-bob-home"));

        Feed later = new Feed(firm, json);
        later.session();
        later.roster(BOB, CARL);
        later.attendee("oid-bob-home", "bob@home.test", "Bob at home", false, new int[] {0, 100});
        later.publishAttendance();
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> completion(firm, later)
                .body("rows.participantId", containsInAnyOrder("bob", "carl"))
                .body("rows.find { it.participantId == 'bob' }.finalCredit", equalTo(2.0f))
                .body("rows.find { it.participantId == 'bob' }.matchMethod", equalTo("MAPPED"))
                .body("rows.find { it.participantId == 'bob' }.mappedAttendees[0].method", equalTo("REMEMBERED")));
        mappings(firm, later).body("mappings[0].participantKey", equalTo("oid-bob-home"))
                .body("mappings[0].method", equalTo("REMEMBERED"))
                .body("mappings[0].mappedBy", equalTo("admin@" + firm + ".test"));

        // the same snapshot again: nothing counts twice
        later.attendee("oid-bob-home", "bob@home.test", "Bob at home", false, new int[] {0, 100});
        String again = later.publishAttendance();
        awaitSnapshot(firm, later, again);
        assertThat(trail(firm, later).findValuesAsText("action")).containsExactly("REMEMBERED");

        // undone in the later session only: the next snapshot does not bring it back there
        undo(firm, later, "oid-bob-home").statusCode(204);
        later.attendee("oid-bob-home", "bob@home.test", "Bob at home", false, new int[] {0, 100});
        awaitSnapshot(firm, later, later.publishAttendance());
        completion(firm, later).body("rows.find { it.participantId == 'oid-bob-home' }.matchStatus",
                        equalTo("UNMATCHED_ATTENDEE"))
                .body("rows.find { it.participantId == 'bob' }.attendance", equalTo("NO_SHOW"));
        assertThat(trail(firm, later).findValuesAsText("action")).containsExactly("REMEMBERED", "UNDONE");
        assertThat(trail(firm, later).get(1).get("firmMemory").isNull()).isTrue();
        completion(firm, first).body("rows.find { it.participantId == 'bob' }.matchMethod", equalTo("MAPPED"));
    }

    private void awaitSnapshot(String firm, Feed feed, String snapshot) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> completion(firm, feed)
                .body("freshness.attendanceSnapshotId", equalTo(snapshot)));
    }

    private JsonNode trail(String firm, Feed feed) throws Exception {
        return json.readTree(ZipEntries.read(given().auth().oauth2(Tokens.admin(firm))
                .get("/api/sessions/{id}/audit-bundle", feed.sessionId).then().statusCode(200).extract()
                .asByteArray()).get("attendance-mappings.json"));
    }

    private static ValidatableResponse completion(String firm, Feed feed) {
        return given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/completion", feed.sessionId).then()
                .statusCode(200);
    }

    private static ValidatableResponse mappings(String firm, Feed feed) {
        return given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/attendance-mappings",
                feed.sessionId).then();
    }

    private static ValidatableResponse map(String firm, Feed feed, String participantKey, String lmsId) {
        return given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(Map.of("participantKey", participantKey, "lmsId", lmsId))
                .post("/api/sessions/{id}/attendance-mappings", feed.sessionId).then();
    }

    private static ValidatableResponse undo(String firm, Feed feed, String participantKey) {
        return given().auth().oauth2(Tokens.admin(firm))
                .delete("/api/sessions/{id}/attendance-mappings/{key}", feed.sessionId, participantKey).then();
    }

    private static JsonPath process(String firm, Feed feed) {
        int run = given().auth().oauth2(Tokens.admin(firm)).post("/api/sessions/{id}/process", feed.sessionId)
                .then().statusCode(200).extract().path("run");
        return given().auth().oauth2(Tokens.admin(firm))
                .get("/api/sessions/{id}/processing-runs/{run}", feed.sessionId, run).then().statusCode(200)
                .extract().jsonPath();
    }

    private static void refused(ValidatableResponse response, int status, String slug) {
        String detail = response.statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/" + slug)).extract().path("detail");
        if (status != 400) {
            assertThat(detail).as(slug).endsWith("Nothing was changed.");
        }
    }
}
