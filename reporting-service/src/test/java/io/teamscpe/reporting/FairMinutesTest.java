package io.teamscpe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.contracts.poll.PollResponse;
import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.contracts.session.RulesetRules;
import io.teamscpe.contracts.session.RulesetRules.Attendance;
import io.teamscpe.contracts.session.RulesetRules.Clip;
import io.teamscpe.contracts.session.RulesetRules.Counting;
import io.teamscpe.contracts.session.RulesetRules.MinuteRounding;
import io.teamscpe.devstack.quarkus.Tokens;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Present time is measured to the second; minutes for credit follow the ruleset's documented rounding (nearest by
 * default, or down), and every number in the reason follows from the numbers beside it.
 */
@QuarkusTest
class FairMinutesTest {
    static final String FIRM = "firm-fair-minutes";
    /** NASBA GIB as session-service publishes it: fifths, 3 answered polls per credit, withheld without polls. */
    static final RulesetRules NASBA_GIB = new RulesetRules(new RulesetRules.Credit(50, BigDecimal.ONE,
            new BigDecimal("0.2"), null), new Attendance(Counting.UNION, Clip.SCHEDULED, 0),
            new RulesetRules.Engagement(RulesetRules.EngagementMode.POLLS_PER_CREDIT, 3, null, false, null),
            List.of(), List.of(), RulesetRules.WithoutPolls.WITHHOLD);

    @Inject
    ObjectMapper json;

    @Test
    void joiningThreeSecondsLateStillEarnsTheFullTwoCreditsToTheNearestMinute() {
        Map<String, Object> ann = annIn(feed("NASBA GIB", NASBA_GIB));
        assertThat(ann).containsEntry("minutesPresent", 100).containsEntry("secondsPresent", 5997);
        assertThat(ann.get("suggestedCredit").toString()).isEqualTo("2.0");
        assertThat(ann.get("reason")).isEqualTo("2 credits: present 99 min 57 s (1 interval) → 100 min (to the "
                + "nearest minute); 100 min = 2 credit hours of 50 min → 2 in fifths; answered 6 of 6 polls, needs "
                + "3 × 2 = 6 → 6: met");
    }

    @Test
    void aRulesetThatRoundsDownSaysSoAndItsNumbersAddUp() {
        RulesetRules down = new RulesetRules(NASBA_GIB.credit(), new Attendance(Counting.UNION, Clip.SCHEDULED, 0,
                MinuteRounding.DOWN), NASBA_GIB.engagement(), List.of(), List.of(), NASBA_GIB.withoutPolls());
        Map<String, Object> ann = annIn(feed("Whole minutes", down));
        assertThat(ann).containsEntry("minutesPresent", 99).containsEntry("secondsPresent", 5997);
        assertThat(ann.get("suggestedCredit").toString()).isEqualTo("1.8");
        assertThat(ann.get("reason")).isEqualTo("1.8 credits: present 99 min 57 s (1 interval) → 99 min (rounded "
                + "down to whole minutes); 99 min = 1.98 credit hours of 50 min → 1.8 in fifths; answered 6 of 6 "
                + "polls, needs 3 × 1.8 = 5.4 → 6: met");
    }

    /** A 100-minute session whose ruleset is {@code rules}; Ann joins 3 s after the start, stays to the end. */
    private Feed feed(String name, RulesetRules rules) {
        Feed feed = new Feed(FIRM, json);
        String rulesetId = "rs-" + feed.sessionId;
        feed.ruleset(rulesetId, name, 1, rules);
        feed.session(rulesetId, 1);
        feed.roster(new Enrollee("ann", "ann@firm.test", List.of(), "Ann Archer"));
        feed.attendee("oid-ann", "ann@firm.test", "Ann Archer",
                List.of(new Interval(Feed.START.plusSeconds(3), Feed.END)));
        feed.publishAttendance();
        for (int p = 1; p <= 6; p++) {
            feed.poll(feed.sessionId + "-poll-" + p, p * 14,
                    new PollResponse[] {Feed.answer("a" + p, "ann@firm.test", "Ann", p * 14)});
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth()
                .oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion", feed.sessionId).then()
                .statusCode(200).body("ruleset", equalTo(name)).body("freshness.pollsIncluded", equalTo(6))
                .body("rows[0].intervals", equalTo(1)));
        return feed;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> annIn(Feed feed) {
        JsonPath report = given().auth().oauth2(Tokens.admin(FIRM))
                .get("/api/sessions/{id}/completion", feed.sessionId).then().statusCode(200).extract().jsonPath();
        return report.getMap("rows.find { it.participantId == 'ann' }");
    }
}
