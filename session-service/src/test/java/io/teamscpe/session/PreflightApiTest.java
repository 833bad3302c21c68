package io.teamscpe.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PreflightApiTest {
    static final List<String> CHECKS = List.of("token", "meeting", "access-policy", "ruleset", "enrollments");

    @BeforeEach
    @AfterEach
    void demo() {
        Scenarios.demo();
    }

    @Test
    void aReadySessionPassesEveryCheckAndAnEmptyRosterWarns() {
        String firm = "firm-preflight";
        String id = EnrollmentApiTest.session(firm, DemoScenario.JOIN_URL);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> preflight(firm, id)
                .body("checks.name", equalTo(CHECKS))
                .body("checks.find { it.name == 'ruleset' }.status", equalTo("PASS")));
        preflight(firm, id).body("outcome", equalTo("WARN"))
                .body("checks.find { it.name == 'enrollments' }.status", equalTo("WARN"))
                .body("checks.find { it.name == 'enrollments' }.fix", containsString("/enrollments"));

        EnrollmentApiTest.replace(firm, id, List.of(EnrollmentApiTest.person("lms-1", "pro@contoso.com")));
        preflight(firm, id).body("outcome", equalTo("PASS")).body("checks.status", equalTo(List.of("PASS", "PASS",
                "PASS", "PASS", "PASS")));
        preflight("firm-other", id).statusCode(404);
    }

    @Test
    void aMeetingRescheduledInTeamsWarnsWithTheFix() {
        String firm = "firm-preflight-moved";
        String id = EnrollmentApiTest.session(firm, DemoScenario.JOIN_URL);
        Scenarios.ethicsRescheduled(DemoScenario.MEETING_START.plusSeconds(1800),
                DemoScenario.MEETING_END.plusSeconds(1800));
        preflight(firm, id).body("checks.find { it.name == 'meeting' }.status", equalTo("WARN"))
                .body("checks.find { it.name == 'meeting' }.detail", containsString("2026-10-05T16:30:00Z"))
                .body("checks.find { it.name == 'meeting' }.fix", containsString("PUT /api/sessions/" + id));
    }

    @Test
    void aRevokedAccessPolicyFailsWithThePowerShellFix() {
        String firm = "firm-preflight-policy";
        String id = EnrollmentApiTest.session(firm, DemoScenario.JOIN_URL);
        Scenarios.withoutAccessPolicy();
        preflight(firm, id).body("outcome", equalTo("FAIL"))
                .body("checks.find { it.name == 'token' }.status", equalTo("PASS"))
                .body("checks.find { it.name == 'access-policy' }.status", equalTo("FAIL"))
                .body("checks.find { it.name == 'access-policy' }.detail",
                        containsString("No Application Access Policy"))
                .body("checks.find { it.name == 'access-policy' }.fix",
                        containsString("Grant-CsApplicationAccessPolicy"));
    }

    @Test
    void aMeetingDeletedInTeamsFails() {
        String firm = "firm-preflight-deleted";
        String id = EnrollmentApiTest.session(firm, DemoScenario.JOIN_URL);
        Scenarios.ethicsDeleted();
        preflight(firm, id).body("outcome", equalTo("FAIL"))
                .body("checks.find { it.name == 'meeting' }.status", equalTo("FAIL"))
                .body("checks.find { it.name == 'meeting' }.detail", containsString("found no meeting"))
                .body("checks.find { it.name == 'access-policy' }.status", equalTo("PASS"));
    }

    @Test
    void aDelegatedProviderNeedsNoAccessPolicy() {
        String firm = "firm-preflight-delegated";
        Map<String, Object> body = SessionApiTest.body(DemoScenario.JOIN_URL);
        body.put("providerId", TestTokenBroker.DELEGATED_PROVIDER_ID);
        body.remove("organizerId");
        String id = given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(body)
                .post("/api/sessions").then().statusCode(201).extract().path("id");
        Scenarios.withoutAccessPolicy();
        preflight(firm, id).body("checks.find { it.name == 'token' }.status", equalTo("PASS"))
                .body("checks.find { it.name == 'meeting' }.status", equalTo("PASS"))
                .body("checks.find { it.name == 'access-policy' }.status", equalTo("PASS"))
                .body("checks.find { it.name == 'access-policy' }.detail", containsString("delegated"));
    }

    static ValidatableResponse preflight(String firm, String id) {
        return given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/preflight", id).then();
    }
}
