package io.teamscpe.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The list's filters at their limits and beyond: what lies between, or a 400; never a 500. */
@QuarkusTest
class SessionListQueryTest {
    @BeforeEach
    void demo() {
        Scenarios.demo();
    }

    @Test
    void filtersAsFarAsAnInstantReachesFindWhatLiesBetween() {
        String firm = "firm-far-filters";
        String id = EnrollmentApiTest.session(firm, DemoScenario.JOIN_URL);
        list(firm, "from=%2B1000000000-01-01T00:00:00Z").statusCode(200).body("items", empty())
                .body("total", equalTo(0));
        list(firm, "to=-1000000000-01-01T00:00:00Z").statusCode(200).body("items", empty());
        list(firm, "from=-1000000000-01-01T00:00:00Z&to=%2B1000000000-12-31T23:59:59Z").statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        list(firm, "from=-300000-01-01T00:00:00Z&to=%2B300000-01-01T00:00:00Z&status=SCHEDULED").statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        list(firm, "from=2026-10-05T16:00:00Z&to=2026-10-05T16:00:01Z").statusCode(200)
                .body("items.id", equalTo(List.of(id)));

        list(firm, "to=2026-01-01").statusCode(200).body("items", empty());
        list(firm, "from=2026-10-05&to=2026-10-05").statusCode(200).body("items.id", equalTo(List.of(id)));
        list(firm, "to=2026-01-01T00").statusCode(400).contentType("application/problem+json");
        list(firm, "to=").statusCode(200).body("items.id", equalTo(List.of(id)));
        String ruleset = given().auth().oauth2(Tokens.admin(firm)).get("/api/rulesets").then().statusCode(200)
                .extract().path("items[0].id");
        for (String version : List.of("abc", "0", "-1", "99999999999", "1.0")) {
            given().auth().oauth2(Tokens.admin(firm)).urlEncodingEnabled(false)
                    .get("/api/rulesets/" + ruleset + "?version=" + version).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.admin(firm)).get("/api/rulesets/" + ruleset + "?version=2147483647").then()
                .statusCode(404).body("type", equalTo("https://teamscpe.io/problems/not-found"));
    }

    private static ValidatableResponse list(String firm, String query) {
        return given().auth().oauth2(Tokens.admin(firm)).urlEncodingEnabled(false).get("/api/sessions?" + query)
                .then();
    }
}
