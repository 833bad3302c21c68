package io.teamscpe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.contracts.session.RulesetPresets;
import io.teamscpe.contracts.session.RulesetPublished;
import io.teamscpe.contracts.session.RulesetRules;
import io.teamscpe.contracts.session.SessionCancelled;
import io.teamscpe.devstack.quarkus.Tokens;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An override is credit the session's ruleset could award: from 0 to the session's maximum, on the increment (or
 * an allowed step), in hundredths at most. Anything else is refused with a problem naming the rule, and not stored.
 */
@QuarkusTest
class OverrideRulesTest {
    static final String FIRM = "firm-override-rules";
    static final Enrollee BOB = new Enrollee("bob", "bob@firm.test", List.of(), "Bob Baker");
    static final RulesetRules.Attendance SCHEDULED = new RulesetRules.Attendance(RulesetRules.Counting.UNION,
            RulesetRules.Clip.SCHEDULED, 0);
    static final RulesetRules.Engagement NO_POLLS = new RulesetRules.Engagement(RulesetRules.EngagementMode.NONE,
            null, null, false, null);
    /** 60-minute credits in halves, at most 1.5 per session whatever the session says. */
    static final RulesetRules CLE_CAPPED = new RulesetRules(new RulesetRules.Credit(60, BigDecimal.ONE,
            new BigDecimal("0.5"), new BigDecimal("1.5")), SCHEDULED, NO_POLLS, List.of(), List.of(),
            RulesetRules.WithoutPolls.ATTENDANCE_ONLY);
    /** Fifths, but the programme awards only 1, 1.5 or 2 credits. */
    static final RulesetRules FIXED_STEPS = new RulesetRules(new RulesetRules.Credit(50, BigDecimal.ONE,
            new BigDecimal("0.2"), null), SCHEDULED, NO_POLLS, List.of(),
            List.of(BigDecimal.ONE, new BigDecimal("1.5"), new BigDecimal("2")),
            RulesetRules.WithoutPolls.ATTENDANCE_ONLY);

    @Inject
    ObjectMapper json;

    @Test
    void aCreditTheRulesetCannotAwardIsRefusedNamingTheRuleAndNothingIsStored() {
        Feed feed = new Feed(FIRM, json);
        String rulesetId = "nasba-" + feed.sessionId;
        feed.session(rulesetId, 1);
        feed.roster(BOB);
        awaitReport(feed, null);
        assertThat(refused(feed, "1", 409, "override-ruleset-unknown"))
                .contains("ruleset " + rulesetId + " version 1", "has not reached reporting yet");

        feed.publish(new RulesetPublished(rulesetId, FIRM, "NASBA GIB", 1, true,
                RulesetPresets.byKey("nasba-gib").rules(), Instant.now()));
        String etag = awaitReport(feed, "NASBA GIB");
        assertThat(refused(feed, "100", 422, "override-above-maximum"))
                .isEqualTo("100 is above this session's maximum of 2 credits: use at most 2.");
        assertThat(refused(feed, "1.37", 422, "override-off-increment")).isEqualTo("1.37 is not a multiple of 0.2 "
                + "(the NASBA GIB v1 ruleset awards credit in fifths): use 1.2 or 1.4.");
        put(feed, "1.37").body("allowed", contains(1.2f, 1.4f));
        assertThat(refused(feed, "0.123456789", 422, "override-too-precise")).isEqualTo("0.123456789 has 9 decimal "
                + "places, but credit is kept in hundredths and the NASBA GIB v1 ruleset awards credit in fifths: "
                + "use 0 or 0.2.");
        assertThat(refused(feed, "1.95", 422, "override-off-increment")).endsWith("use 1.8 or 2.");
        assertThat(refused(feed, "-0.2", 422, "override-negative")).contains("cannot be less than 0");

        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion", feed.sessionId).then()
                .statusCode(200).header("ETag", etag).body("rows.find { it.participantId == 'bob' }.override",
                        nullValue());
        put(feed, "1.4").statusCode(200).body("finalCredit", equalTo(1.4f)).body("override.credit", equalTo(1.4f));
        put(feed, "2").statusCode(200).body("finalCredit", equalTo(2.0f));
        put(feed, "0").statusCode(200).body("finalCredit", equalTo(0.0f));
    }

    @Test
    void anOverrideOnARowNoEnrolledProfessionalClaimsIsRefusedUntilTheRowIsMapped() {
        Feed feed = new Feed(FIRM, json);
        feed.session();
        feed.roster(BOB);
        feed.attendee("oid-guest", "bob.home@mail.test", "Bob (home)", false, new int[] {0, 100});
        feed.publishAttendance();
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth()
                .oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion", feed.sessionId).then()
                .statusCode(200).body("rows.participantId", contains("bob", "oid-guest")));
        String detail = given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON)
                .body("{\"credit\": 2, \"reason\": \"Bob joined from his home account\"}")
                .put("/api/sessions/{id}/completion/oid-guest", feed.sessionId).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/override-not-enrolled")).extract().path("detail");
        assertThat(detail).startsWith("Row oid-guest is UNMATCHED_ATTENDEE").contains("Map the row to the "
                + "professional first").endsWith("Nothing was changed.");
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion", feed.sessionId).then()
                .body("rows.find { it.participantId == 'oid-guest' }.override", nullValue())
                .body("rows.find { it.participantId == 'oid-guest' }.finalCredit", equalTo(2.0f));

        // mapped (the enrollment names the attendee's email): the professional's row takes the override
        feed.roster(new Enrollee("bob", "bob@firm.test", List.of("bob.home@mail.test"), "Bob Baker"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth()
                .oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion", feed.sessionId).then()
                .statusCode(200).body("rows.participantId", contains("bob")));
        put(feed, "1.8").statusCode(200).body("finalCredit", equalTo(1.8f));
    }

    @Test
    void theRulesetsCapAndAllowedStepsDecideToo() {
        Feed capped = new Feed(FIRM, json);
        capped.session("cle-" + capped.sessionId, 1);
        capped.roster(BOB);
        capped.publish(new RulesetPublished("cle-" + capped.sessionId, FIRM, "CLE 60", 1, false, CLE_CAPPED,
                Instant.now()));
        awaitReport(capped, "CLE 60");
        assertThat(refused(capped, "2", 422, "override-above-maximum")).isEqualTo("2 is above the most the CLE 60 v1 "
                + "ruleset awards for one session, 1.5 credits: use at most 1.5.");
        assertThat(refused(capped, "1.2", 422, "override-off-increment")).isEqualTo("1.2 is not a multiple of 0.5 "
                + "(the CLE 60 v1 ruleset awards credit in halves): use 1 or 1.5.");
        put(capped, "1.5").statusCode(200).body("finalCredit", equalTo(1.5f));

        Feed stepped = new Feed(FIRM, json);
        stepped.session("steps-" + stepped.sessionId, 1);
        stepped.roster(BOB);
        stepped.publish(new RulesetPublished("steps-" + stepped.sessionId, FIRM, "Fixed steps", 1, false,
                FIXED_STEPS, Instant.now()));
        awaitReport(stepped, "Fixed steps");
        assertThat(refused(stepped, "1.2", 422, "override-not-an-allowed-step")).isEqualTo("1.2 is not one of the "
                + "credits the Fixed steps v1 ruleset awards (0, 1, 1.5, 2): use 1 or 1.5.");
        assertThat(refused(stepped, "0.6", 422, "override-not-an-allowed-step")).endsWith("use 0 or 1.");
        put(stepped, "1.5").statusCode(200).body("finalCredit", equalTo(1.5f));
    }

    @Test
    void absurdNumbersAreRefusedAsCreditNeverWithAServerError() {
        Feed feed = new Feed(FIRM, json);
        feed.session();
        feed.roster(BOB);
        awaitReport(feed, Feed.RULESET);
        assertThat(refused(feed, "1e400", 422, "override-above-maximum")).startsWith("1E+400 is above");
        assertThat(refused(feed, "1e999999999", 422, "override-above-maximum")).startsWith("1E+999999999 is above");
        assertThat(refused(feed, "123456789012345678901234567890.5", 422, "override-above-maximum"))
                .startsWith("1.23456789012E+29… is above");
        assertThat(refused(feed, "1e-400", 422, "override-too-precise")).startsWith("1E-400 has 400 decimal places")
                .endsWith("use 0 or 0.2.");
        assertThat(refused(feed, "1.5e-999999999", 422, "override-too-precise")).endsWith("use 0 or 0.2.");
        assertThat(refused(feed, "1." + "0".repeat(900) + "1", 422, "override-too-precise"))
                .startsWith("1.00000000000… has 901 decimal places").endsWith("use 1 or 1.2.").hasSizeLessThan(300);
        assertThat(refused(feed, "-1e400", 422, "override-negative")).startsWith("-1E+400 is negative");
        put(feed, "1e99999999999").statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/malformed-body"));
        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON)
                .body("{\"credit\": 1.2, \"reason\": \"Documented tech").put("/api/sessions/{id}/completion/bob",
                        feed.sessionId).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/malformed-body"));
        put(feed, "-0").statusCode(200).body("finalCredit", equalTo(0.0f));
        put(feed, "0E-999999999").statusCode(200).body("finalCredit", equalTo(0.0f));
        put(feed, "1.80").statusCode(200).body("finalCredit", equalTo(1.8f));
    }

    @Test
    void withoutAMaximumNoOverrideIsAcceptedUntilTheSessionStatesOne() {
        Feed feed = new Feed(FIRM, json);
        feed.session(1, feed.rulesetId(), 1, null);
        feed.roster(BOB);
        awaitReport(feed, Feed.RULESET);
        assertThat(refused(feed, "1", 409, "override-maximum-unknown"))
                .contains("knows no maximum credits for this session", "set the session's max credits");

        feed.session(2, feed.rulesetId(), 1, new BigDecimal("1"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> put(feed, "1").statusCode(200));
        assertThat(refused(feed, "1.2", 422, "override-above-maximum")).isEqualTo("1.2 is above this session's "
                + "maximum of 1 credit: use at most 1.");
    }

    @Test
    void aCancelledSessionTakesNoOverride() {
        Feed feed = new Feed(FIRM, json);
        feed.session();
        feed.roster(BOB);
        awaitReport(feed, Feed.RULESET);
        feed.publish(new SessionCancelled(feed.sessionId, FIRM, "speaker ill", Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(refused(feed, "1", 409, "session-cancelled")).contains("takes no overrides"));
    }

    private static ValidatableResponse put(Feed feed, String credit) {
        return given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON)
                .body("{\"credit\": " + credit + ", \"reason\": \"Documented technical difficulties\"}")
                .put("/api/sessions/{id}/completion/bob", feed.sessionId).then();
    }

    /** The refusal's detail, after checking it is the problem expected. */
    private static String refused(Feed feed, String credit, int status, String slug) {
        return put(feed, credit).statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/" + slug)).body("status", equalTo(status))
                .extract().path("detail");
    }

    /** Waits until the report lists bob under the ruleset named; returns the report's ETag. */
    private static String awaitReport(Feed feed, String ruleset) {
        String[] etag = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> etag[0] = given().auth()
                .oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion", feed.sessionId).then()
                .statusCode(200).body("ruleset", equalTo(ruleset)).body("rows.participantId", contains("bob"))
                .extract().header("ETag"));
        return etag[0];
    }
}
