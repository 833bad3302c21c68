package io.teamscpe.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.teamscpe.devstack.kafka.EventSchemas;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A session awarding several kinds of credit (CPA under NASBA, CFP, enrolled agent), each under its own ruleset
 * version and maximum, given or derived from the 100-minute schedule; and requests written before credit types.
 */
@QuarkusTest
class CreditTypesTest {
    static final String PROBLEMS = "https://teamscpe.io/problems/";

    @BeforeEach
    void demo() {
        Scenarios.demo();
    }

    @Test
    void aSessionWithThreeCreditTypesShowsAndPublishesEachWithItsPinnedVersionAndMaximum() {
        String firm = "firm-credit-types";
        Map<String, String> rulesets = rulesets(firm);
        Map<String, Object> body = threeTypes(rulesets);
        JsonPath created = post(firm, body).statusCode(201)
                .body("creditTypes.code", equalTo(List.of("CPA", "CFP", "EA")))
                .body("creditTypes.rulesetName", equalTo(List.of("NASBA GIB", "CFP Board", "IRS enrolled agent")))
                .body("creditTypes.rulesetVersion", equalTo(List.of(1, 1, 1)))
                .body("creditTypes.maxCreditsDerived", equalTo(List.of(false, true, true)))
                .body("rulesetId", equalTo(rulesets.get("NASBA GIB"))).body("rulesetVersion", equalTo(1))
                .body("maxCreditsDerived", equalTo(false))
                .extract().jsonPath();
        // 100 minutes: NASBA given 2.0; CFP Board (halves) derives 2.0; IRS (whole hours) derives 2
        assertThat(credits(created, "creditTypes.maxCredits")).containsExactly(2.0, 2.0, 2.0);
        assertThat(credit(created, "maxCredits")).isEqualTo(2.0);
        String id = created.getString("id");
        JsonPath read = given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}", id).then()
                .statusCode(200).body("creditTypes.rulesetId", equalTo(List.of(rulesets.get("NASBA GIB"),
                        rulesets.get("CFP Board"), rulesets.get("IRS enrolled agent"))))
                .body("creditTypes.maxCreditsDerived", equalTo(List.of(false, true, true)))
                .extract().jsonPath();
        assertThat(credits(read, "creditTypes.maxCredits")).containsExactly(2.0, 2.0, 2.0);

        ConsumerRecord<String, String> event = KafkaProbe.await(RulesetApiTest.bootstrap(), "cpe.sessions.v1",
                r -> id.equals(r.key()) && SessionUpdateTest.SCHEDULED.equals(KafkaProbe.header(r, "ce_type")), 1)
                .get(0);
        assertThat(EventSchemas.validate(SessionUpdateTest.SCHEDULED, event.value())).isEmpty();
        JsonPath details = JsonPath.from(event.value()).setRootPath("details");
        assertThat(details.getList("creditTypes.code")).containsExactly("CPA", "CFP", "EA");
        assertThat(details.getList("creditTypes.rulesetId")).containsExactly(rulesets.get("NASBA GIB"),
                rulesets.get("CFP Board"), rulesets.get("IRS enrolled agent"));
        assertThat(details.getList("creditTypes.rulesetVersion")).containsExactly(1, 1, 1);
        assertThat(credits(details, "creditTypes.maxCredits")).containsExactly(2.0, 2.0, 2.0);
        assertThat(details.getList("creditTypes.maxCreditsDerived")).containsExactly(false, true, true);
        assertThat(details.getString("rulesetId")).isEqualTo(rulesets.get("NASBA GIB"));
        assertThat(details.getInt("rulesetVersion")).isEqualTo(1);
        assertThat(credit(details, "maxCredits")).isEqualTo(2.0);

        // pre-flight checks every type's ruleset version
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/preflight", id).then().statusCode(200)
                .body("checks.find { it.name == 'ruleset' }.status", not(equalTo("FAIL")))
                .body("checks.find { it.name == 'ruleset' }.detail", allOf(
                        containsString("'NASBA GIB' version 1 (CPA)"), containsString("'CFP Board' version 1 (CFP)"),
                        containsString("'IRS enrolled agent' version 1 (EA)")));

        // each type's ruleset version counts as used: editing CFP Board's rules makes its version 2
        given().auth().oauth2(Tokens.admin(firm)).get("/api/rulesets/{id}", rulesets.get("CFP Board")).then()
                .body("sessionsUsingVersion", equalTo(1));
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(RulesetApiTest.ruleset("CFP Board", "0.5")).put("/api/rulesets/{id}", rulesets.get("CFP Board"))
                .then().statusCode(200).body("version", equalTo(2)).body("sessionsUsingVersion", equalTo(0));
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}", id).then()
                .body("creditTypes[1].rulesetVersion", equalTo(1));
    }

    @Test
    void aSessionReadAndSentBackWholeIsAcceptedAndChangesNothing() {
        String firm = "firm-credit-types-round-trip";
        Map<String, Object> read = given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(threeTypes(rulesets(firm))).post("/api/sessions").then().statusCode(201)
                .extract().jsonPath().getMap("");
        String id = (String) read.get("id");
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(read)
                .put("/api/sessions/{id}", id).then().statusCode(200).body("revision", equalTo(1))
                .body("creditTypes.maxCreditsDerived", equalTo(List.of(false, true, true)));
    }

    @Test
    void aRequestWithoutCreditTypesMakesOneCpeTypeDerivingTheMaximumWhenNoneIsGiven() {
        String firm = "firm-credit-types-legacy";
        String nasba = rulesets(firm).get("NASBA GIB");
        Map<String, Object> body = SessionApiTest.body(DemoScenario.JOIN_URL);
        body.remove("maxCredits");
        JsonPath derived = post(firm, body).statusCode(201).body("creditTypes", hasSize(1))
                .body("creditTypes[0].code", equalTo("CPE")).body("creditTypes[0].rulesetId", equalTo(nasba))
                .body("creditTypes[0].maxCreditsDerived", equalTo(true)).body("maxCreditsDerived", equalTo(true))
                .body("rulesetId", equalTo(nasba)).extract().jsonPath();
        assertThat(credit(derived, "maxCredits")).isEqualTo(2.0);
        assertThat(credit(derived, "creditTypes[0].maxCredits")).isEqualTo(2.0);

        JsonPath stated = post(firm, SessionApiTest.body(DemoScenario.RECURRING_JOIN_URL)).statusCode(201)
                .body("creditTypes.code", equalTo(List.of("CPE")))
                .body("creditTypes[0].maxCreditsDerived", equalTo(false)).extract().jsonPath();
        assertThat(credit(stated, "creditTypes[0].maxCredits")).isEqualTo(2.0);
    }

    @Test
    void repeatedCodesAndTopLevelFieldsDisagreeingWithTheFirstTypeAreRefused() {
        String firm = "firm-credit-types-refused";
        Map<String, String> rulesets = rulesets(firm);
        Map<String, Object> repeated = SessionApiTest.body(DemoScenario.JOIN_URL);
        repeated.remove("maxCredits");
        repeated.put("creditTypes", List.of(Map.of("code", "CPA"), Map.of("code", "cpa")));
        post(firm, repeated).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", equalTo(List.of("creditTypes[1].code")))
                .body("errors[0].message", containsString("repeats creditTypes[0].code"));

        Map<String, Object> disagreeing = threeTypes(rulesets);
        disagreeing.put("rulesetId", rulesets.get("CFP Board"));
        disagreeing.put("maxCredits", 3);
        post(firm, disagreeing).statusCode(400).body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", equalTo(List.of("rulesetId", "maxCredits")))
                .body("detail", containsString("describe the first credit type"));

        Map<String, Object> agreeing = threeTypes(rulesets);
        agreeing.put("rulesetId", rulesets.get("NASBA GIB"));
        agreeing.put("maxCredits", 2);
        post(firm, agreeing).statusCode(201);

        Map<String, Object> unknownRuleset = threeTypes(rulesets);
        unknownRuleset.put("joinUrl", DemoScenario.RECURRING_JOIN_URL);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> types = (List<Map<String, Object>>) unknownRuleset.get("creditTypes");
        types.get(1).put("rulesetId", "99999999-9999-4999-8999-999999999999");
        post(firm, unknownRuleset).statusCode(422).body("type", equalTo(PROBLEMS + "ruleset-not-found"))
                .body("errors.field", equalTo(List.of("creditTypes[1].rulesetId")));

        Map<String, Object> badCode = SessionApiTest.body(DemoScenario.RECURRING_JOIN_URL);
        badCode.put("creditTypes", List.of(Map.of("code", "CPA ethics")));
        post(firm, badCode).statusCode(400).body("errors.field", equalTo(List.of("creditTypes[0].code")));
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions").then().body("items", hasSize(1));
    }

    /** NASBA GIB with a maximum of 2.0, CFP Board and IRS enrolled agent deriving theirs; 100 minutes scheduled. */
    static Map<String, Object> threeTypes(Map<String, String> rulesets) {
        Map<String, Object> body = SessionApiTest.body(DemoScenario.JOIN_URL);
        body.remove("maxCredits");
        body.put("creditTypes", List.of(
                new HashMap<>(Map.of("code", "CPA", "rulesetId", rulesets.get("NASBA GIB"), "rulesetVersion", 1,
                        "maxCredits", 2.0)),
                new HashMap<>(Map.of("code", "CFP", "rulesetId", rulesets.get("CFP Board"))),
                new HashMap<>(Map.of("code", "EA", "rulesetId", rulesets.get("IRS enrolled agent")))));
        return body;
    }

    /** The firm's rulesets by name. */
    static Map<String, String> rulesets(String firm) {
        JsonPath list = given().auth().oauth2(Tokens.admin(firm)).get("/api/rulesets").then().statusCode(200)
                .extract().jsonPath();
        Map<String, String> ids = new HashMap<>();
        List<String> names = list.getList("items.name");
        List<String> idList = list.getList("items.id");
        for (int i = 0; i < names.size(); i++) {
            ids.put(names.get(i), idList.get(i));
        }
        return ids;
    }

    /** Numbers at {@code path}, whether written 2, 2.0 or 2.00 (JsonPath reads floats: 1.4 stays 1.4). */
    static List<Double> credits(JsonPath json, String path) {
        return json.<Number>getList(path).stream().map(n -> n == null ? null : Double.valueOf(n.toString()))
                .toList();
    }

    /** The number at {@code path}, likewise. */
    static double credit(JsonPath json, String path) {
        return Double.parseDouble(json.get(path).toString());
    }

    private static ValidatableResponse post(String firm, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(body)
                .post("/api/sessions").then();
    }
}
