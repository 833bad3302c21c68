package io.teamscpe.attendance;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import io.teamscpe.contracts.EventCatalog;
import io.teamscpe.contracts.session.SessionDetails;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.KafkaResource;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

/** Drives this service the way production does: sessions arrive on Kafka, admins call REST, events leave on Kafka. */
public final class Sessions {
    public static final String FIRM = "firm-attendance";
    public static final String COMPLETED = "io.teamscpe.attendance.snapshot-completed.v1";

    private Sessions() {
    }

    /** Publishes a scheduled session of the demo organizer and waits until this service knows it. */
    public static String schedule(ObjectMapper json, String meetingId, Instant start, Instant end, String zone) {
        return schedule(json, "provider-1", meetingId, start, end, zone);
    }

    /** The same, for a session whose Graph access goes through {@code providerId}. */
    public static String schedule(ObjectMapper json, String providerId, String meetingId, Instant start, Instant end,
                                  String zone) {
        String session = publishScheduled(json, providerId, meetingId, start, end, zone);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/attendance", session)
                        .then().statusCode(200));
        return session;
    }

    /** Publishes a scheduled session on Kafka, as session-service does; returns its id at once. */
    public static String publishScheduled(ObjectMapper json, String providerId, String meetingId, Instant start,
                                          Instant end, String zone) {
        String session = UUID.randomUUID().toString();
        SessionScheduled event = new SessionScheduled(session, FIRM, 1, new SessionDetails("Session", providerId,
                DemoScenario.ORGANIZER_ID, meetingId, DemoScenario.JOIN_URL, start, end, zone,
                new BigDecimal("2"), List.of("Ethics"), "GROUP_INTERNET_BASED", null, null), Instant.now());
        try {
            KafkaProbe.send(KafkaResource.server().bootstrapServers(), "cpe.sessions.v1", session,
                    json.writeValueAsString(event), Map.of("ce_id", UUID.randomUUID().toString(),
                            "ce_type", EventCatalog.typeOf(event), "ce_source", "/test", "ce_specversion", "1.0"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return session;
    }

    public static String schedule(ObjectMapper json, String meetingId, Instant start, Instant end) {
        return schedule(json, meetingId, start, end, "America/New_York");
    }

    /** Clicks "Refresh data" and waits for the job to reach {@code state}. */
    public static JsonPath refreshUntil(String session, String state) {
        given().auth().oauth2(Tokens.admin(FIRM)).post("/api/sessions/{id}/attendance/refresh", session)
                .then().statusCode(202);
        return awaitState(session, state);
    }

    public static JsonPath awaitState(String session, String state) {
        return awaitState(session, state, Duration.ofMillis(100));
    }

    /** Polls the job's status every {@code every} until it reaches {@code state}. */
    public static JsonPath awaitState(String session, String state, Duration every) {
        JsonPath[] last = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(every).until(() -> {
            last[0] = status(session);
            return state.equals(last[0].getString("state"));
        });
        return last[0];
    }

    public static JsonPath status(String session) {
        return given().auth().oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/attendance", session)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The snapshot-completed events of the session, once {@code count} of them are on the topic. */
    public static List<ConsumerRecord<String, String>> completedSnapshots(String session, int count) {
        return KafkaProbe.await(KafkaResource.server().bootstrapServers(), "cpe.attendance.v1",
                r -> r.key().equals(session) && COMPLETED.equals(KafkaProbe.header(r, "ce_type")), count,
                Duration.ofSeconds(60));
    }

    /** Every attendance event of the session, once at least {@code atLeast} are on the topic. */
    public static List<ConsumerRecord<String, String>> attendanceEvents(String session, int atLeast) {
        return KafkaProbe.await(KafkaResource.server().bootstrapServers(), "cpe.attendance.v1",
                r -> r.key().equals(session), atLeast, Duration.ofSeconds(60));
    }

    /** The participant events of one snapshot (waits for its completed event first: it is published last). */
    public static List<JsonPath> participantsOf(String session, String snapshotId) {
        List<ConsumerRecord<String, String>> completed = completedSnapshots(session, 1);
        int count = completed.stream().map(r -> JsonPath.from(r.value()))
                .filter(j -> snapshotId.equals(j.getString("snapshotId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no completed event for snapshot " + snapshotId))
                .getInt("participantCount");
        return attendanceEvents(session, count + 1).stream().map(r -> JsonPath.from(r.value()))
                .filter(j -> snapshotId.equals(j.getString("snapshotId")) && j.get("participant") != null)
                .toList();
    }
}
