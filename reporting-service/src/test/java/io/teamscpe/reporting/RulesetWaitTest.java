package io.teamscpe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.contracts.session.RulesetPresets;
import io.teamscpe.contracts.session.RulesetPublished;
import io.teamscpe.devstack.quarkus.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Reporting computes credit only with the ruleset version the session names, as session-service published it (the
 * presets live in contracts): until it arrives the Completion report waits and processing is refused.
 */
@QuarkusTest
class RulesetWaitTest {
    static final String FIRM = "firm-ruleset-wait";

    @Inject
    ObjectMapper json;

    @Test
    void noCreditAndNoProcessingUntilTheNamedRulesetArrivesThenItsOwnRulesApply() {
        Feed feed = new Feed(FIRM, json);
        String rulesetId = "gib-" + feed.sessionId;
        feed.session(rulesetId, 1);
        feed.roster(new Enrollee("ann", "ann@firm.test", List.of(), "Ann Archer"));
        feed.attendee("oid-ann", "ann@firm.test", "Ann Archer", false, new int[] {0, 100});
        feed.publishAttendance();
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> completion(feed)
                .body("rows[0].minutesPresent", equalTo(100)).body("ruleset", nullValue())
                .body("rulesetVersion", nullValue()).body("rows[0].suggestedCredit", nullValue())
                .body("rows[0].finalCredit", nullValue())
                .body("rows[0].reason", equalTo("waiting for the session's ruleset: no credit is computed until "
                        + "the ruleset version the session names has reached reporting")));
        assertThat(completion(feed).extract().<String>path("freshness.note")).startsWith("Waiting for the "
                + "session's ruleset " + rulesetId + " version 1 to reach reporting. No credit is computed and "
                + "processing is refused until it has.");
        String detail = given().auth().oauth2(Tokens.admin(FIRM)).post("/api/sessions/{id}/process", feed.sessionId)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/processing-ruleset-unknown"))
                .extract().path("detail");
        assertThat(detail).contains("uses ruleset " + rulesetId + " version 1, which has not reached reporting yet")
                .endsWith("try again shortly. Nothing was changed.");

        // session-service's NASBA GIB preset withholds credit while a session has no polls: so does reporting now
        feed.publish(new RulesetPublished(rulesetId, FIRM, "NASBA GIB", 1, true,
                RulesetPresets.byKey("nasba-gib").rules(), Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> completion(feed)
                .body("ruleset", equalTo("NASBA GIB")).body("rulesetVersion", equalTo(1))
                .body("rows[0].suggestedCredit", equalTo(0.0f)));
        assertThat(completion(feed).extract().<String>path("rows[0].reason"))
                .contains("no polls uploaded: this ruleset withholds credit until they are");
        given().auth().oauth2(Tokens.admin(FIRM)).post("/api/sessions/{id}/process", feed.sessionId).then()
                .statusCode(200).body("run", equalTo(1)).body("awarded", equalTo(1));
    }

    private static io.restassured.response.ValidatableResponse completion(Feed feed) {
        return given().auth().oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion", feed.sessionId)
                .then().statusCode(200);
    }
}
