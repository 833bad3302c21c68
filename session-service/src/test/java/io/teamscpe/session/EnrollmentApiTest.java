package io.teamscpe.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.teamscpe.devstack.kafka.EventSchemas;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EnrollmentApiTest {
    static final String CHUNK = "io.teamscpe.session.enrollment-chunk.v1";
    static final String COMPLETED = "io.teamscpe.session.enrollment-snapshot-completed.v1";

    @BeforeEach
    void demo() {
        Scenarios.demo();
    }

    @Test
    void theSameRosterTwiceChangesAndPublishesNothing() {
        String firm = "firm-roster";
        String session = session(firm, DemoScenario.JOIN_URL);
        List<Map<String, Object>> roster = List.of(person("lms-1", "Ada.Lovelace@Contoso.com", "ada@gmail.com"),
                person("lms-2", "grace.hopper@contoso.com"));
        replace(firm, session, roster).body("changed", equalTo(true)).body("rosterRevision", equalTo(1))
                .body("enrolled", equalTo(2)).body("enrollees[0].email", equalTo("ada.lovelace@contoso.com"));
        replace(firm, session, roster).body("changed", equalTo(false)).body("rosterRevision", equalTo(1));

        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(person("lms-3", "alan.turing@contoso.com")).post("/api/sessions/{id}/enrollments", session)
                .then().statusCode(200).body("rosterRevision", equalTo(2)).body("enrolled", equalTo(3));
        given().auth().oauth2(Tokens.admin(firm)).delete("/api/sessions/{id}/enrollments/{lms}", session, "lms-2")
                .then().statusCode(200).body("rosterRevision", equalTo(3))
                .body("enrollees.lmsId", equalTo(List.of("lms-1", "lms-3")));
        given().auth().oauth2(Tokens.admin(firm)).delete("/api/sessions/{id}/enrollments/{lms}", session, "lms-2")
                .then().statusCode(404);

        // revision 3 is published after whatever the repeated PUT might have published, on the same partition
        List<ConsumerRecord<String, String>> completed = KafkaProbe.await(RulesetApiTest.bootstrap(),
                "cpe.sessions.v1", r -> session.equals(r.key()) && COMPLETED.equals(KafkaProbe.header(r, "ce_type")),
                3);
        assertThat(completed).hasSize(3);
        assertThat(completed).extracting(ConsumerRecord::value).allSatisfy(v ->
                assertThat(EventSchemas.validate(COMPLETED, v)).isEmpty());
        assertThat(completed.get(0).value()).contains("\"rosterRevision\":1", "\"enrolledCount\":2");
        assertThat(completed.get(2).value()).contains("\"rosterRevision\":3", "\"enrolledCount\":2");
        List<ConsumerRecord<String, String>> chunks = KafkaProbe.await(RulesetApiTest.bootstrap(),
                "cpe.sessions.v1", r -> session.equals(r.key()) && CHUNK.equals(KafkaProbe.header(r, "ce_type")), 3);
        chunks.forEach(c -> assertThat(EventSchemas.validate(CHUNK, c.value())).isEmpty());
        assertThat(chunks.get(0).value()).contains("\"alternateEmails\":[\"ada@gmail.com\"]");
    }

    @Test
    void aLargeRosterTravelsInChunks() {
        String firm = "firm-large-roster";
        String session = session(firm, DemoScenario.JOIN_URL);
        List<Map<String, Object>> roster = IntStream.range(0, 1200)
                .mapToObj(i -> person("lms-" + i, "cpa" + i + "@contoso.com")).toList();
        replace(firm, session, roster).body("enrolled", equalTo(1200));
        ConsumerRecord<String, String> done = KafkaProbe.await(RulesetApiTest.bootstrap(), "cpe.sessions.v1",
                r -> session.equals(r.key()) && COMPLETED.equals(KafkaProbe.header(r, "ce_type")), 1).get(0);
        assertThat(done.value()).contains("\"chunkCount\":3", "\"enrolledCount\":1200");
        List<ConsumerRecord<String, String>> chunks = KafkaProbe.await(RulesetApiTest.bootstrap(),
                "cpe.sessions.v1", r -> session.equals(r.key()) && CHUNK.equals(KafkaProbe.header(r, "ce_type")), 3);
        assertThat(chunks).hasSize(3).allSatisfy(c -> {
            assertThat(EventSchemas.validate(CHUNK, c.value())).isEmpty();
            assertThat(c.serializedValueSize()).isLessThan(200_000);
        });
    }

    @Test
    void aRosterWithEveryFieldAtItsLimitTravelsInChunksKafkaAccepts() {
        String firm = "firm-wide-roster";
        String session = session(firm, DemoScenario.JOIN_URL);
        String domain = "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(63) + "." + "g".repeat(59) + ".com";
        List<Map<String, Object>> roster = IntStream.range(0, 500).mapToObj(i -> {
            String local = "x".repeat(60) + String.format("%04d", i);
            Map<String, Object> p = person("l".repeat(196) + String.format("%04d", i), local + "@" + domain);
            p.put("alternateEmails", IntStream.range(0, 10).mapToObj(a -> "a".repeat(60) + String.format("%04d", a)
                    + "@" + domain).toList());
            p.put("displayName", "\u6f22".repeat(300));
            return p;
        }).toList();
        replace(firm, session, roster).body("enrolled", equalTo(500));

        ConsumerRecord<String, String> done = KafkaProbe.await(RulesetApiTest.bootstrap(), "cpe.sessions.v1",
                r -> session.equals(r.key()) && COMPLETED.equals(KafkaProbe.header(r, "ce_type")), 1).get(0);
        int count = JsonPath.from(done.value()).getInt("chunkCount");
        assertThat(count).isGreaterThan(1);
        List<ConsumerRecord<String, String>> chunks = KafkaProbe.await(RulesetApiTest.bootstrap(),
                "cpe.sessions.v1", r -> session.equals(r.key()) && CHUNK.equals(KafkaProbe.header(r, "ce_type")),
                count);
        assertThat(chunks).allSatisfy(c -> assertThat(c.serializedValueSize()).isLessThan(600_000));
        assertThat(chunks.stream().mapToInt(c -> JsonPath.from(c.value()).getList("enrollees").size()).sum())
                .isEqualTo(500);
    }

    @Test
    void aRosterWithDuplicatesIsRefusedWhole() {
        String firm = "firm-roster-duplicates";
        String session = session(firm, DemoScenario.JOIN_URL);
        List<Map<String, Object>> roster = List.of(person("lms-1", "a@contoso.com"), person("lms-1", "b@contoso.com"),
                person("lms-3", "A@contoso.com"), person("lms-4", "not-an-email"));
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(Map.of("enrollees", roster))
                .put("/api/sessions/{id}/enrollments", session).then().statusCode(400)
                .body("errors.field", hasItems("enrollees[3].email"));
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(Map.of("enrollees", roster.subList(0, 3))).put("/api/sessions/{id}/enrollments", session)
                .then().statusCode(400).body("type", equalTo("https://teamscpe.io/problems/duplicate-enrollees"))
                .body("errors.field", equalTo(List.of("enrollees[1].lmsId", "enrollees[2].email")));
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/enrollments", session).then()
                .statusCode(200).body("enrolled", equalTo(0));
        given().auth().oauth2(Tokens.admin("firm-other")).get("/api/sessions/{id}/enrollments", session).then()
                .statusCode(404);
    }

    static String session(String firm, String joinUrl) {
        return given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(SessionApiTest.body(joinUrl)).post("/api/sessions").then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse replace(String firm, String session, List<Map<String, Object>> roster) {
        return given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(Map.of("enrollees", roster)).put("/api/sessions/{id}/enrollments", session).then()
                .statusCode(200);
    }

    static Map<String, Object> person(String lmsId, String email, String... alternates) {
        Map<String, Object> p = new HashMap<>();
        p.put("lmsId", lmsId);
        p.put("email", email);
        p.put("alternateEmails", new ArrayList<>(List.of(alternates)));
        p.put("displayName", "Professional " + lmsId);
        return p;
    }
}
