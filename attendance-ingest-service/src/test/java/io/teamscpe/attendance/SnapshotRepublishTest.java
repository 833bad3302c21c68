package io.teamscpe.attendance;

import static io.restassured.RestAssured.given;
import static io.teamscpe.attendance.Sessions.FIRM;
import static io.teamscpe.attendance.Sessions.attendanceEvents;
import static io.teamscpe.attendance.Sessions.awaitState;
import static io.teamscpe.attendance.Sessions.refreshUntil;
import static io.teamscpe.attendance.Sessions.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The repair for a consumer that received a snapshot incomplete: the current snapshot is sent again whole, under its
 * own id, when a consumer asks (service token only) or when an admin's "Refresh data" says republish.
 */
@QuarkusTest
class SnapshotRepublishTest {
    private static final String REPUBLISH = "/internal/sessions/{id}/attendance/republish";

    @Inject
    ObjectMapper json;

    @BeforeEach
    void scenario() {
        GraphEmulatorResource.emulator().loadScenario(DemoScenario.build());
    }

    @Test
    void aConsumerGetsTheWholeSnapshotAgainOnceWhileOthersAskingTheSameMinuteGetItOnlyOnce() {
        String session = schedule(json, DemoScenario.MEETING_ID, DemoScenario.MEETING_START, DemoScenario.MEETING_END);
        String snapshot = refreshUntil(session, "READY").getString("snapshotId");
        List<ConsumerRecord<String, String>> original = Sessions.completedSnapshots(session, 1);
        int participants = JsonPath.from(original.get(0).value()).getInt("participantCount");
        List<String> sent = participantsIn(attendanceEvents(session, participants + 1));

        JsonPath answer = given().auth().oauth2(Tokens.service()).queryParam("firmId", FIRM)
                .post(REPUBLISH, session).then().statusCode(202).extract().jsonPath();
        assertThat(answer.getString("snapshotId")).isEqualTo(snapshot);
        assertThat(answer.getBoolean("sent")).isTrue();

        List<ConsumerRecord<String, String>> events = attendanceEvents(session, 2 * (participants + 1));
        List<ConsumerRecord<String, String>> copy = events.subList(participants + 1, events.size());
        assertThat(copy).allSatisfy(r -> assertThat(JsonPath.from(r.value()).getString("snapshotId"))
                .isEqualTo(snapshot));
        assertThat(participantsIn(copy)).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(KafkaProbe.header(copy.get(copy.size() - 1), "ce_type")).isEqualTo(Sessions.COMPLETED);
        assertThat(KafkaProbe.header(copy.get(0), "ce_id")).as("a copy is a new event")
                .isNotEqualTo(KafkaProbe.header(events.get(0), "ce_id"));

        assertThat(given().auth().oauth2(Tokens.service()).queryParam("firmId", FIRM).post(REPUBLISH, session)
                .then().statusCode(202).extract().jsonPath().getBoolean("sent")).isFalse();
    }

    @Test
    void onlyTheSuitesServicesMayAskAndOnlyForASessionOfTheFirmNamed() {
        String session = schedule(json, DemoScenario.MEETING_ID, DemoScenario.MEETING_START, DemoScenario.MEETING_END);
        refreshUntil(session, "READY");
        given().auth().oauth2(Tokens.admin(FIRM)).queryParam("firmId", FIRM).post(REPUBLISH, session)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.service()).queryParam("firmId", "firm-else").post(REPUBLISH, session)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void refreshDataWithRepublishSendsAnUnchangedSnapshotAgain() {
        String session = schedule(json, DemoScenario.MEETING_ID, DemoScenario.MEETING_START, DemoScenario.MEETING_END);
        refreshUntil(session, "READY");
        int participants = JsonPath.from(Sessions.completedSnapshots(session, 1).get(0).value())
                .getInt("participantCount");

        given().auth().oauth2(Tokens.admin(FIRM)).queryParam("republish", true)
                .post("/api/sessions/{id}/attendance/refresh", session).then().statusCode(202);
        JsonPath done = awaitState(session, "READY");
        assertThat(done.getString("detail")).startsWith("Unchanged since the previous fetch; sent again");
        assertThat(Sessions.completedSnapshots(session, 2)).hasSize(2);
        assertThat(attendanceEvents(session, 2 * (participants + 1))).hasSize(2 * (participants + 1));
    }

    private static List<String> participantsIn(List<ConsumerRecord<String, String>> events) {
        return events.stream().map(r -> JsonPath.from(r.value()))
                .filter(j -> j.get("participant") != null)
                .map(j -> j.getString("participant.participantKey") + " " + j.getString("intervals")).toList();
    }
}
