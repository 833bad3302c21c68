package io.teamscpe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.platform.readmodel.AttendanceGapHealer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An attendance snapshot that reaches reporting incomplete is not silently dropped: the report says so, reporting
 * asks attendance-ingest-service to send it again, and the copy makes the report whole.
 */
@QuarkusTest
class AttendanceGapTest {
    static final String FIRM = "firm-gaps";
    static final Enrollee ANN = new Enrollee("ann", "ann@firm.test", List.of(), "Ann Archer");
    static final Enrollee BOB = new Enrollee("bob", "bob@firm.test", List.of(), "Bob Baker");

    @Inject
    ObjectMapper json;
    @Inject
    AttendanceGapHealer healer;

    @Test
    void anIncompleteSnapshotIsShownAsSuchRequestedAgainAndHealedByItsCopy() {
        Feed feed = new Feed(FIRM, json);
        feed.session();
        feed.roster(ANN, BOB);
        feed.attendee("oid-ann", "ann@firm.test", "Ann Archer", false, new int[] {0, 100});
        String first = feed.publishAttendance();
        awaitReport(feed, r -> assertThat(r.getBoolean("freshness.attendanceIncomplete")).isFalse());

        feed.attendee("oid-ann", "ann@firm.test", "Ann Archer", false, new int[] {0, 50});
        feed.attendee("oid-bob", "bob@firm.test", "Bob Baker", false, new int[] {0, 100});
        Feed.Lost lost = feed.stageAttendanceLosing(1);
        feed.completeAttendance(lost.snapshot());
        awaitReport(feed, r -> {
            assertThat(r.getBoolean("freshness.attendanceIncomplete")).isTrue();
            assertThat(r.getString("freshness.attendanceSnapshotId")).as("the previous attendance stays")
                    .isEqualTo(first);
            assertThat(r.getString("freshness.note")).contains("arrived incomplete (1 of 2 participants)");
            assertThat(minutes(r, "ann")).isEqualTo(100);
        });
        assertThat(given().auth().oauth2(Tokens.admin(FIRM)).accept("application/json").get("/api/sessions/{id}/raw-data", feed.sessionId)
                .then().statusCode(200).extract().jsonPath().getString("note")).contains("arrived incomplete");

        healer.healDue();
        assertThat(AttendanceStandIn.REQUESTS).contains(feed.sessionId + " " + FIRM);
        int asked = AttendanceStandIn.REQUESTS.size();
        healer.healDue();
        assertThat(AttendanceStandIn.REQUESTS).as("asked once, then again only after a while").hasSize(asked);

        feed.publish(lost.event());
        feed.completeAttendance(lost.snapshot());
        awaitReport(feed, r -> {
            assertThat(r.getBoolean("freshness.attendanceIncomplete")).isFalse();
            assertThat(r.getString("freshness.attendanceSnapshotId")).isEqualTo(lost.snapshot().id());
            assertThat(r.getString("freshness.note")).doesNotContain("incomplete");
            assertThat(minutes(r, "ann")).isEqualTo(50);
            assertThat(minutes(r, "bob")).isEqualTo(100);
        });
    }

    private static void awaitReport(Feed feed, Consumer<JsonPath> expectation) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> expectation.accept(
                given().auth().oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion", feed.sessionId)
                        .then().statusCode(200).extract().jsonPath()));
    }

    private static int minutes(JsonPath report, String participantId) {
        return report.getInt("rows.find { it.participantId == '" + participantId + "' }.minutesPresent");
    }
}
