package io.teamscpe.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.teamscpe.devstack.kafka.EventSchemas;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PATCH /api/sessions/{id}: a JSON merge patch changes the fields it names and keeps every other as it was. */
@QuarkusTest
class SessionPatchTest {
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String PROBLEMS = CreditTypesTest.PROBLEMS;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void demo() {
        Scenarios.demo();
    }

    @Test
    void patchingOnlyTheCreditTypesKeepsEverythingElseAndPatchingTheTitleKeepsTheCreditTypes() {
        String firm = "firm-patch-types";
        Map<String, String> rulesets = CreditTypesTest.rulesets(firm);
        Map<String, Object> body = SessionApiTest.body(DemoScenario.JOIN_URL);
        body.put("description", "Case studies");
        String id = given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(body)
                .post("/api/sessions").then().statusCode(201).body("creditTypes.code", equalTo(List.of("CPE")))
                .extract().path("id");

        patch(firm, id, Map.of("creditTypes", List.of(Map.of("code", "CPE", "maxCredits", 2.0),
                Map.of("code", "CFP", "rulesetId", rulesets.get("CFP Board"))))).statusCode(200)
                .body("title", equalTo("Ethics for CPAs 2026")).body("description", equalTo("Case studies"))
                .body("scheduledStart", equalTo("2026-10-05T16:00:00Z"))
                .body("scheduledEnd", equalTo("2026-10-05T17:40:00Z"))
                .body("fieldsOfStudy", equalTo(List.of("Ethics (Regulatory)")))
                .body("joinUrl", equalTo(DemoScenario.JOIN_URL))
                .body("meeting.meetingId", equalTo(DemoScenario.MEETING_ID))
                .body("creditTypes.code", equalTo(List.of("CPE", "CFP")))
                .body("creditTypes.rulesetName", equalTo(List.of("NASBA GIB", "CFP Board")))
                .body("creditTypes.maxCreditsDerived", equalTo(List.of(false, true)))
                .body("rulesetId", equalTo(rulesets.get("NASBA GIB"))).body("revision", equalTo(2));

        ConsumerRecord<String, String> event = KafkaProbe.await(RulesetApiTest.bootstrap(), "cpe.sessions.v1",
                r -> id.equals(r.key()) && SessionUpdateTest.SCHEDULED.equals(KafkaProbe.header(r, "ce_type"))
                        && r.value().contains("\"revision\":2"), 1).get(0);
        assertThat(EventSchemas.validate(SessionUpdateTest.SCHEDULED, event.value())).isEmpty();
        assertThat(JsonPath.from(event.value()).getList("details.creditTypes.code")).containsExactly("CPE", "CFP");

        JsonPath retitled = given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(json(Map.of("title", "Ethics for CPAs 2026 (revised)"))).patch("/api/sessions/{id}", id)
                .then().statusCode(200).body("title", equalTo("Ethics for CPAs 2026 (revised)"))
                .body("description", equalTo("Case studies"))
                .body("creditTypes.code", equalTo(List.of("CPE", "CFP")))
                .body("creditTypes.rulesetVersion", equalTo(List.of(1, 1)))
                .body("creditTypes.maxCreditsDerived", equalTo(List.of(false, true)))
                .body("revision", equalTo(3)).extract().jsonPath();
        assertThat(CreditTypesTest.credits(retitled, "creditTypes.maxCredits")).containsExactly(2.0, 2.0);
    }

    @Test
    void aScheduleChangeDerivesTheDerivedMaximaAgainAndKeepsTheGivenOnes() {
        String firm = "firm-patch-schedule";
        Map<String, String> rulesets = CreditTypesTest.rulesets(firm);
        String id = given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(CreditTypesTest.threeTypes(rulesets)).post("/api/sessions").then().statusCode(201)
                .extract().path("id");
        // 75 minutes: NASBA keeps its given 2.0; CFP Board (halves) derives 1.5, IRS (whole hours) 1
        JsonPath shorter = patch(firm, id, Map.of("scheduledEnd", "2026-10-05T17:15:00Z")).statusCode(200)
                .body("creditTypes.maxCreditsDerived", equalTo(List.of(false, true, true)))
                .body("revision", equalTo(2)).extract().jsonPath();
        assertThat(CreditTypesTest.credits(shorter, "creditTypes.maxCredits")).containsExactly(2.0, 1.5, 1.0);

        // the top-level maximum is the first type's: null derives it (NASBA fifths: 1.4)
        JsonPath derived = patch(firm, id, java.util.Collections.singletonMap("maxCredits", null)).statusCode(200)
                .body("maxCreditsDerived", equalTo(true))
                .body("creditTypes.maxCreditsDerived", equalTo(List.of(true, true, true))).extract().jsonPath();
        assertThat(CreditTypesTest.credits(derived, "creditTypes.maxCredits")).containsExactly(1.4, 1.5, 1.0);
        assertThat(CreditTypesTest.credit(derived, "maxCredits")).isEqualTo(1.4);
    }

    @Test
    void aStaleIfMatchARemovedRequiredFieldAndABodyThatIsNoPatchAreRefused() {
        String firm = "firm-patch-refused";
        String id = EnrollmentApiTest.session(firm, DemoScenario.JOIN_URL);
        String read = etag(firm, id);
        String after = patch(firm, id, Map.of("title", "Ethics A"), read).statusCode(200)
                .header("ETag", not(equalTo(read))).extract().header("ETag");
        patch(firm, id, Map.of("title", "Ethics B"), read).statusCode(412)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "edit-conflict"))
                .body("currentETag", equalTo(after));

        patch(firm, id, java.util.Collections.singletonMap("title", null)).statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation-failed")).body("errors.field", equalTo(List.of("title")));
        patch(firm, id, java.util.Collections.singletonMap("scheduledStart", null)).statusCode(400)
                .body("errors.field", equalTo(List.of("scheduledStart")));
        patch(firm, id, java.util.Collections.singletonMap("creditTypes", null)).statusCode(400)
                .body("errors.field", equalTo(List.of("creditTypes")));
        patch(firm, id, Map.of("creditTypes", List.of())).statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", equalTo(List.of("creditTypes")));
        raw(firm, id, MERGE_PATCH, "{\"title\": ").statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-body"));
        raw(firm, id, MERGE_PATCH, "[{\"title\": \"x\"}]").statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-body"));
        raw(firm, id, MERGE_PATCH, "{\"scheduledEnd\": \"tomorrow\"}").statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-body"));
        raw(firm, id, "text/plain", "{\"title\": \"x\"}").statusCode(415);
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}", id).then()
                .body("title", equalTo("Ethics A")).body("revision", equalTo(2)).header("ETag", equalTo(after));

        // a field the API does not know is ignored by PATCH as by PUT
        Map<String, Object> put = SessionApiTest.body(DemoScenario.JOIN_URL);
        put.put("colour", "red");
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(put)
                .put("/api/sessions/{id}", id).then().statusCode(200).body("revision", equalTo(3));
        patch(firm, id, Map.of("colour", "red")).statusCode(200).body("revision", equalTo(3));
        patch(firm, "99999999-9999-4999-8999-999999999999", Map.of("title", "x")).statusCode(404);
        patch("firm-other", id, Map.of("title", "x")).statusCode(404);
    }

    @Test
    void twoPatchesOfDifferentFieldsAtOnceBothTakeEffect() {
        String firm = "firm-patch-race";
        String id = EnrollmentApiTest.session(firm, DemoScenario.JOIN_URL);
        List<CompletableFuture<Integer>> patches = List.of(Map.of("title", "Ethics (alice)"),
                        Map.of("description", "Edited by bob")).stream()
                .map(p -> CompletableFuture.supplyAsync(() -> patch(firm, id, p).extract().statusCode())).toList();
        assertThat(patches.stream().map(CompletableFuture::join).toList()).containsExactly(200, 200);
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}", id).then()
                .body("title", equalTo("Ethics (alice)")).body("description", equalTo("Edited by bob"))
                .body("revision", equalTo(3));
    }

    private ValidatableResponse patch(String firm, String id, Map<String, ?> patch) {
        return patch(firm, id, patch, null);
    }

    private ValidatableResponse patch(String firm, String id, Map<String, ?> patch, String ifMatch) {
        RequestSpecification spec = given().auth().oauth2(Tokens.admin(firm)).contentType(MERGE_PATCH)
                .body(json(patch));
        if (ifMatch != null) {
            spec = spec.header("If-Match", ifMatch);
        }
        return spec.patch("/api/sessions/{id}", id).then();
    }

    private static ValidatableResponse raw(String firm, String id, String contentType, String body) {
        return given().auth().oauth2(Tokens.admin(firm)).contentType(contentType).body(body)
                .patch("/api/sessions/{id}", id).then();
    }

    private static String etag(String firm, String id) {
        return given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}", id).then().statusCode(200)
                .extract().header("ETag");
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
