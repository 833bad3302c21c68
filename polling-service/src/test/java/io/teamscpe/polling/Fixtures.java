package io.teamscpe.polling;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.teamscpe.contracts.CpeEvent;
import io.teamscpe.contracts.EventCatalog;
import io.teamscpe.contracts.attendance.AttendanceSnapshotCompleted;
import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.contracts.attendance.Participant;
import io.teamscpe.contracts.attendance.ParticipantAttended;
import io.teamscpe.contracts.session.SessionDetails;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.KafkaResource;
import io.teamscpe.devstack.quarkus.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Publishes the session and attendance events polling-service consumes, and uploads files through REST. */
public final class Fixtures {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** 12:00–13:40 in New York. */
    public static final Instant START = Instant.parse("2026-10-05T16:00:00Z");
    public static final Instant END = Instant.parse("2026-10-05T17:40:00Z");
    public static final LocalDateTime LOCAL_START = LocalDateTime.of(2026, 10, 5, 12, 0);

    private Fixtures() {
    }

    /** Schedules a New York session and waits until polling-service knows it. */
    public static String session(ObjectMapper json, String firm) {
        String id = UUID.randomUUID().toString();
        publish(json, new SessionScheduled(id, firm, 1, new SessionDetails("Revenue recognition update", "provider-1",
                "organizer-1", "meeting-" + id, "https://teams.microsoft.com/l/meetup-join/x", START, END,
                "America/New_York", null, List.of("Accounting"), "GROUP_INTERNET_BASED", null, null), Instant.now()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.admin(firm))
                .get("/api/sessions/{id}/polls", id).then().statusCode(200));
        return id;
    }

    /** One attendee present for the whole meeting. */
    public static Participant attendee(String key, String email, String name) {
        return new Participant(key, key, email, name, "Attendee", false, false, List.of());
    }

    /** Publishes a complete attendance snapshot (everyone present the whole meeting). */
    public static void attendance(ObjectMapper json, String firm, String sessionId, List<Participant> people) {
        String snapshot = UUID.randomUUID().toString();
        int seq = 0;
        for (Participant p : people) {
            publish(json, new ParticipantAttended(sessionId, firm, snapshot, ++seq, people.size(), p,
                    List.of(new Interval(START.minusSeconds(120), END)), Instant.now()));
        }
        publish(json, new AttendanceSnapshotCompleted(sessionId, firm, snapshot, people.size(), List.of("report-1"),
                "graph", Instant.now(), Instant.now()));
    }

    public static void publish(ObjectMapper json, CpeEvent event) {
        publish(json, event, UUID.randomUUID().toString());
    }

    /** Publishes the event with the given CloudEvents id (a re-sent copy has its original's id). */
    public static void publish(ObjectMapper json, CpeEvent event, String eventId) {
        try {
            KafkaProbe.send(KafkaResource.bootstrapServers(), EventCatalog.topicOf(event), event.key(),
                    json.writeValueAsString(event), Map.of("ce_id", eventId,
                            "ce_type", EventCatalog.typeOf(event), "ce_specversion", "1.0",
                            "ce_source", "/teamscpe/test"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file part of an upload. */
    public record Part(String name, byte[] bytes) {
    }

    public static Response upload(String firm, String sessionId, Part... parts) {
        RequestSpecification request = given().auth().oauth2(Tokens.admin(firm));
        for (Part p : parts) {
            request = request.multiPart("files", p.name(), p.bytes(), XLSX);
        }
        return request.post("/api/sessions/{id}/polls", sessionId);
    }

    /** Poll events of one session with the given ce_type, waiting for at least {@code atLeast}. */
    public static List<ConsumerRecord<String, String>> events(String sessionId, String type, int atLeast) {
        return new ArrayList<>(KafkaProbe.await(KafkaResource.bootstrapServers(), "cpe.polls.v1",
                r -> sessionId.equals(r.key()) && type.equals(KafkaProbe.header(r, "ce_type")), atLeast));
    }
}
