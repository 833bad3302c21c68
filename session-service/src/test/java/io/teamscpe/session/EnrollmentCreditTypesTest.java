package io.teamscpe.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.teamscpe.devstack.kafka.EventSchemas;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which of the session's credit types a professional seeks: stored, shown and published with the roster. */
@QuarkusTest
class EnrollmentCreditTypesTest {

    @BeforeEach
    void demo() {
        Scenarios.demo();
    }

    @Test
    void anEnrollmentSeeksSomeOfTheSessionsCreditTypesAndAnUnknownCodeIsRefused() {
        String firm = "firm-enrollment-types";
        Map<String, String> rulesets = CreditTypesTest.rulesets(firm);
        Map<String, Object> body = SessionApiTest.body(DemoScenario.JOIN_URL);
        body.remove("maxCredits");
        body.put("creditTypes", List.of(Map.of("code", "CPA", "rulesetId", rulesets.get("NASBA GIB")),
                Map.of("code", "CFP", "rulesetId", rulesets.get("CFP Board"))));
        String session = given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(body)
                .post("/api/sessions").then().statusCode(201).extract().path("id");
        String path = "/api/sessions/" + session + "/enrollments";

        Map<String, Object> ada = EnrollmentApiTest.person("lms-1", "ada@contoso.com");
        Map<String, Object> grace = seeking(EnrollmentApiTest.person("lms-2", "grace@contoso.com"), "EA");
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(Map.of("enrollees", List.of(ada, grace))).put(path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(CreditTypesTest.PROBLEMS + "unknown-credit-type"))
                .body("detail", containsString("has credit types CPA, CFP; enrollment 1 (lms-2) names EA"))
                .body("errors.field", equalTo(List.of("enrollees[1].creditTypes")))
                .body("creditTypes", equalTo(List.of("CPA", "CFP")));
        given().auth().oauth2(Tokens.admin(firm)).get(path).then().body("enrolled", equalTo(0));

        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(seeking(grace, "cfp")).post(path)
                .then().statusCode(200).body("enrollees[0].creditTypes", equalTo(List.of("CFP")));
        seeking(grace, "CFP");
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(Map.of("enrollees", List.of(ada, grace))).put(path).then().statusCode(200)
                .body("changed", equalTo(true)).body("rosterRevision", equalTo(2));
        given().auth().oauth2(Tokens.admin(firm)).get(path).then().statusCode(200)
                .body("enrollees.lmsId", equalTo(List.of("lms-1", "lms-2")))
                .body("enrollees[0].creditTypes", nullValue())
                .body("enrollees[1].creditTypes", equalTo(List.of("CFP")));

        ConsumerRecord<String, String> chunk = KafkaProbe.await(RulesetApiTest.bootstrap(), "cpe.sessions.v1",
                r -> session.equals(r.key()) && EnrollmentApiTest.CHUNK.equals(KafkaProbe.header(r, "ce_type"))
                        && r.value().contains("\"rosterRevision\":2"), 1).get(0);
        assertThat(EventSchemas.validate(EnrollmentApiTest.CHUNK, chunk.value())).isEmpty();
        JsonPath published = JsonPath.from(chunk.value());
        assertThat(published.getList("enrollees.lmsId")).containsExactly("lms-1", "lms-2");
        assertThat(published.getList("enrollees[0].creditTypes")).isNull();
        assertThat(published.getList("enrollees[1].creditTypes")).containsExactly("CFP");

        // the session drops CFP: the enrollment naming it stays, the LMS may send it again, a new one may not name it
        given().auth().oauth2(Tokens.admin(firm)).contentType(SessionPatchTest.MERGE_PATCH)
                .body("{\"creditTypes\": [{\"code\": \"CPA\"}]}").patch("/api/sessions/{id}", session).then()
                .statusCode(200).body("creditTypes.code", equalTo(List.of("CPA")));
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(Map.of("enrollees", List.of(ada, grace))).put(path).then().statusCode(200)
                .body("changed", equalTo(false)).body("enrollees[1].creditTypes", equalTo(List.of("CFP")));
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(seeking(EnrollmentApiTest.person("lms-3", "alan@contoso.com"), "CFP")).post(path).then()
                .statusCode(400).body("type", equalTo(CreditTypesTest.PROBLEMS + "unknown-credit-type"))
                .body("errors.field", equalTo(List.of("creditTypes")));
    }

    /** The person (changed in place) seeking the credit types named. */
    private static Map<String, Object> seeking(Map<String, Object> person, String... codes) {
        person.put("creditTypes", List.of(codes));
        return person;
    }
}
