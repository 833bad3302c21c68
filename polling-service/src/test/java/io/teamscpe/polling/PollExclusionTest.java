package io.teamscpe.polling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.polling.Fixtures.Part;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Excluding a poll takes credit away from everyone who answered it: like an override, it needs a reason. */
@QuarkusTest
class PollExclusionTest {
    private static final String P = "https://teamscpe.io/problems/";

    @Inject
    ObjectMapper json;

    @Test
    void excludingWithoutAReasonIsRefusedAndTheReasonIsKeptInTheHistory() {
        String firm = "firm-exclusion-reason";
        String session = Fixtures.session(json, firm);
        String pollId = Fixtures.upload(firm, session, new Part("poll.xlsx", PollRejectionTest.good())).then()
                .statusCode(201).extract().path("polls[0].id");

        Map<String, Object> noReason = Map.of("included", false);
        Map<String, Object> nullReason = new HashMap<>(noReason);
        nullReason.put("reason", null);
        for (Map<String, Object> body : new Map[]{noReason, nullReason, Map.of("included", false, "reason", " \t ")}) {
            given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(body)
                    .patch("/api/sessions/{id}/polls/{pollId}", session, pollId).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo(P + "validation-failed"))
                    .body("errors.field", contains("reason"));
        }
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls/{pollId}", session, pollId).then()
                .body("poll.included", equalTo(true)).body("history.action", contains("UPLOADED"));

        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(Map.of("included", false, "reason", "  Launched twice by mistake "))
                .patch("/api/sessions/{id}/polls/{pollId}", session, pollId).then().statusCode(200)
                .body("included", equalTo(false)).body("excludedReason", equalTo("Launched twice by mistake"));
        // including again needs no reason
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(Map.of("included", true))
                .patch("/api/sessions/{id}/polls/{pollId}", session, pollId).then().statusCode(200)
                .body("included", equalTo(true)).body("excludedReason", nullValue());
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls/{pollId}", session, pollId).then()
                .body("history.action", contains("UPLOADED", "EXCLUDED", "INCLUDED"))
                .body("history[1].detail", equalTo("Launched twice by mistake"))
                .body("history[1].actor", equalTo("admin@" + firm + ".test"));
    }
}
