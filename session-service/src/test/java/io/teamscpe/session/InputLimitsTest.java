package io.teamscpe.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Values the database or the arithmetic cannot take are refused with what to fix, and nothing is stored. */
@QuarkusTest
class InputLimitsTest {
    static final String FIRM = "firm-input-limits";

    @BeforeEach
    void demo() {
        Scenarios.demo();
    }

    @Test
    void aScheduleOutsideTheYearsASessionCanHaveIsRefused() {
        for (String[] times : List.of(new String[]{"+300000-01-01T00:00:00Z", "+300001-01-01T00:00:00Z"},
                new String[]{"-300000-01-01T00:00:00Z", "-299999-01-01T00:00:00Z"},
                new String[]{"2026-10-05T16:00:00Z", "+1000000000-12-31T23:59:59Z"},
                new String[]{"0001-01-01T00:00:00Z", "0001-01-01T01:40:00Z"})) {
            Map<String, Object> body = SessionApiTest.body(DemoScenario.JOIN_URL);
            body.put("scheduledStart", times[0]);
            body.put("scheduledEnd", times[1]);
            create(body).statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://teamscpe.io/problems/invalid-schedule"))
                    .body("detail", containsString("between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"));
        }
        String id = EnrollmentApiTest.session(FIRM, DemoScenario.JOIN_URL);
        Map<String, Object> body = SessionApiTest.body(DemoScenario.JOIN_URL);
        body.put("scheduledEnd", "+300000-01-01T00:00:00Z");
        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON).body(body)
                .put("/api/sessions/{id}", id).then().statusCode(400)
                .body("type", equalTo("https://teamscpe.io/problems/invalid-schedule"));
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}", id).then().statusCode(200)
                .body("scheduledEnd", equalTo("2026-10-05T17:40:00Z")).body("revision", equalTo(1));
    }

    @Test
    void sessionFieldsLongerThanTheirColumnsOrFinerThanCentsAreRefused() {
        String firm = "firm-session-sizes";
        refused(firm, "maxCredits", new BigDecimal("1E-1000000000"), "maxCredits");
        refused(firm, "maxCredits", new BigDecimal("99.999"), "maxCredits");
        refused(firm, "timeZone", "Z".repeat(61), "timeZone");
        refused(firm, "providerId", "p".repeat(101), "providerId");
        refused(firm, "fieldsOfStudy", Collections.nCopies(51, "Ethics"), "fieldsOfStudy");
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions").then().statusCode(200)
                .body("items", empty());

        Map<String, Object> fine = SessionApiTest.body(DemoScenario.JOIN_URL);
        fine.put("maxCredits", new BigDecimal("99.990"));
        fine.put("fieldsOfStudy", Collections.nCopies(50, "f".repeat(100)));
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(fine).post("/api/sessions")
                .then().statusCode(201).body("maxCredits", equalTo(99.99f));
    }

    @Test
    void rulesetDecimalsWithHugeExponentsAreRefusedWithoutComputingThem() {
        String firm = "firm-ruleset-decimals";
        invalidRuleset(firm, credit("1E+1000000000", "0.2"), "rules.credit.minimumCredit");
        invalidRuleset(firm, credit("1", "1E-1000000000"), "rules.credit.increment");
        invalidRuleset(firm, credit("1E-1000000000", "0.2"), "rules.credit.minimumCredit");
        invalidRuleset(firm, credit("1", "0.2").replace("\"cap\": null", "\"cap\": 1E+999999"),
                "rules.credit.cap");
        invalidRuleset(firm, credit("1", "0.2").replace("\"allowedSteps\": []", "\"allowedSteps\": [0, 1E-999999]"),
                "rules.allowedSteps[1]");
        String tiers = "[" + String.join(",", Collections.nCopies(21,
                "{\"minimumShare\": 0.5, \"creditFraction\": 0.5}")) + "]";
        invalidRuleset(firm, credit("1", "0.2").replace("\"mode\": \"NONE\"", "\"mode\": \"TIERS\"")
                .replace("\"tiers\": []", "\"tiers\": " + tiers)
                .replace("\"ATTENDANCE_ONLY\"", "\"WITHHOLD\""), "rules.tiers");
        given().auth().oauth2(Tokens.admin(firm)).get("/api/rulesets").then().statusCode(200)
                .body("items.name", not(hasItem("Huge")));
    }

    private static String credit(String minimumCredit, String increment) {
        return """
                {"name": "Huge", "rules": {
                  "credit": {"minutesPerCredit": 50, "minimumCredit": %s, "increment": %s, "cap": null},
                  "attendance": {"counting": "UNION", "clipTo": "SCHEDULED", "graceMinutes": 0},
                  "engagement": {"mode": "NONE", "onlyWhilePresent": false},
                  "tiers": [], "allowedSteps": [], "withoutPolls": "ATTENDANCE_ONLY"}}
                """.formatted(minimumCredit, increment);
    }

    private static void invalidRuleset(String firm, String json, String field) {
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(json).post("/api/rulesets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/invalid-ruleset"))
                .body("errors.field", hasItem(field));
    }

    private static void refused(String firm, String field, Object value, String errorField) {
        Map<String, Object> body = SessionApiTest.body(DemoScenario.JOIN_URL);
        body.put(field, value);
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(body).post("/api/sessions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/validation-failed"))
                .body("errors.field", hasItem(errorField));
    }

    private static ValidatableResponse create(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.admin(FIRM + "-schedule")).contentType(ContentType.JSON).body(body)
                .post("/api/sessions").then();
    }
}
