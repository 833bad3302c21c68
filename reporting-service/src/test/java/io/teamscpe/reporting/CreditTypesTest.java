package io.teamscpe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.teamscpe.contracts.session.CreditType;
import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.contracts.session.RulesetPresets;
import io.teamscpe.devstack.kafka.EventSchemas;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.KafkaResource;
import io.teamscpe.devstack.quarkus.Tokens;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A session counting for CPAs (NASBA GIB: polls needed) and CFPs (CFP Board: no polls, halves) at once: Completion
 * rows, overrides, processing and credit events per professional per credit type.
 */
@QuarkusTest
class CreditTypesTest {
    static final String FIRM = "firm-credit-types";
    private static final String PROBLEM = "https://teamscpe.io/problems/";

    @Inject
    ObjectMapper json;

    @Test
    void eachProfessionalIsCreditedPerCreditTypeTheySeek() throws Exception {
        Feed feed = new Feed(FIRM, json);
        String cpa = "cpa-" + feed.sessionId;
        String cfp = "cfp-" + feed.sessionId;
        feed.ruleset(cpa, "NASBA GIB", 1, RulesetPresets.byKey("nasba-gib").rules());
        feed.ruleset(cfp, "CFP Board", 3, RulesetPresets.byKey("cfp-board").rules());
        feed.session(1, List.of(new CreditType("CPA", cpa, 1, new BigDecimal("2.0"), false),
                new CreditType("CFP", cfp, 3, new BigDecimal("2.0"), true)));
        feed.roster(new Enrollee("ann", "ann@firm.test", List.of(), "Ann Archer", List.of("CPA", "CFP")),
                new Enrollee("bob", "bob@firm.test", List.of(), "Bob Baker", List.of("CFP")));
        feed.attendee("oid-ann", "ann@firm.test", "Ann Archer", false, new int[] {0, 75});
        feed.attendee("oid-bob", "bob@firm.test", "Bob Baker", false, new int[] {0, 75});
        feed.attendee("oid-dan", "dan@firm.test", "Dan Drew", false, new int[] {0, 75});
        feed.publishAttendance();

        JsonPath report = CompletionPoll.until(feed, r -> r.getList("rows").size() == 5
                && r.getList("rows.minutesPresent").contains(75));
        assertThat(report.getList("rows.participantId")).containsExactly("ann", "ann", "bob", "oid-dan", "oid-dan");
        assertThat(report.getList("rows.creditType")).containsExactly("CPA", "CFP", "CFP", "CPA", "CFP");
        assertThat(report.getString("ruleset")).isEqualTo("NASBA GIB");
        assertThat(report.getInt("rulesetVersion")).isEqualTo(1);
        assertThat(report.getList("creditTypes.code")).containsExactly("CPA", "CFP");
        assertThat(report.getList("creditTypes.ruleset")).containsExactly("NASBA GIB", "CFP Board");
        assertThat(report.getList("creditTypes.rulesetVersion")).containsExactly(1, 3);
        assertThat(report.getList("creditTypes.maxCreditsDerived")).containsExactly(false, true);
        assertThat(report.getList("creditTypes.waiting")).containsExactly(false, false);
        Map<String, Object> annCpa = row(report, "ann", "CPA");
        assertThat(annCpa.get("finalCredit").toString()).isEqualTo("0.0");
        assertThat(annCpa.get("reason").toString()).contains("withholds credit");
        assertThat(row(report, "ann", "CFP").get("finalCredit").toString()).isEqualTo("1.5");
        assertThat(row(report, "bob", "CFP").get("finalCredit").toString()).isEqualTo("1.5");
        assertThat(row(report, "oid-dan", "CFP").get("suggestedCredit").toString())
                .as("what mapping the guest would earn").isEqualTo("1.5");

        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion?creditType=CFP&sort=displayName",
                        feed.sessionId).then().statusCode(200).header("X-Total-Count", "3")
                .body("rows.creditType", contains("CFP", "CFP", "CFP"))
                .body("rows.participantId", contains("ann", "bob", "oid-dan"));
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion?creditType=EA", feed.sessionId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "unknown-credit-type"));
        String csv = given().auth().oauth2(Tokens.admin(FIRM)).accept("text/csv")
                .get("/api/sessions/{id}/completion", feed.sessionId).then().statusCode(200).extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow()).contains(",final_credit,credit_type,ruleset,");
        assertThat(csv).contains(",1.5,CFP,CFP Board,3,");

        overrideRefusals(feed);

        JsonPath first = process(feed).body("awarded", equalTo(3)).body("byCreditType.CPA.awarded", equalTo(1))
                .body("byCreditType.CFP.awarded", equalTo(2)).extract().jsonPath();
        JsonPath firstRun = runEvents(feed, first.getInt("run"));
        assertThat(firstRun.getList("events.type")).containsOnly("io.teamscpe.credit.awarded.v2").hasSize(3);
        assertThat(firstRun.getList("events.data.creditType")).containsExactlyInAnyOrder("CPA", "CFP", "CFP");
        List<ConsumerRecord<String, String>> awards = credits(feed, KafkaProbe.ofType(
                "io.teamscpe.credit.awarded.v2"), 3);
        assertThat(awards).hasSize(3);
        for (ConsumerRecord<String, String> r : awards) {
            assertThat(EventSchemas.validate(KafkaProbe.header(r, "ce_type"), r.value())).isEmpty();
            Map<String, Object> data = json.readValue(r.value(), Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> award = (Map<String, Object>) data.get("award");
            if (data.get("creditType").equals("CPA")) {
                assertThat(award).containsEntry("rulesetId", cpa).containsEntry("rulesetVersion", 1);
            } else {
                assertThat(award).containsEntry("rulesetId", cfp).containsEntry("rulesetVersion", 3);
            }
        }
        assertThat(awards.stream().map(this::whoAndType).toList())
                .containsExactlyInAnyOrder("ann/CPA", "ann/CFP", "bob/CFP");

        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON)
                .body(Map.of("credit", 2.0, "reason", "Documented technical difficulties: audio dropped"))
                .put("/api/sessions/{id}/completion/ann?creditType=CFP", feed.sessionId).then().statusCode(200)
                .header("ETag", "\"override-1\"").body("creditType", equalTo("CFP"))
                .body("finalCredit", equalTo(2.0f));
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion/ann?creditType=CPA",
                feed.sessionId).then().statusCode(200).header("ETag", "\"override-0\"")
                .body("creditType", equalTo("CPA")).body("override", nullValue());

        JsonPath second = process(feed).body("revised", equalTo(1)).body("unchanged", equalTo(2))
                .body("byCreditType.CFP.revised", equalTo(1)).body("byCreditType.CPA.revised", equalTo(0))
                .extract().jsonPath();
        JsonPath secondRun = runEvents(feed, second.getInt("run"));
        assertThat(secondRun.getList("events.type")).containsExactly("io.teamscpe.credit.revised.v2");
        assertThat(secondRun.getString("events[0].data.creditType")).isEqualTo("CFP");
        assertThat(secondRun.getString("events[0].data.professionalId")).isEqualTo("ann");

        // the session no longer counts for CFPs: its CFP credit is revoked, CPA's stays
        feed.session(2, List.of(new CreditType("CPA", cpa, 1, new BigDecimal("2.0"), false)));
        CompletionPoll.until(feed, r -> r.getList("creditTypes").size() == 1);
        JsonPath third = process(feed).body("revoked", equalTo(2)).body("unchanged", equalTo(1))
                .body("byCreditType.CFP.revoked", equalTo(2)).extract().jsonPath();
        JsonPath thirdRun = runEvents(feed, third.getInt("run"));
        assertThat(thirdRun.getList("events.type")).containsOnly("io.teamscpe.credit.revoked.v2").hasSize(2);
        assertThat(thirdRun.getList("events.data.creditType")).containsOnly("CFP");
        assertThat(thirdRun.getList("events.data.professionalId")).containsExactlyInAnyOrder("ann", "bob");
        assertThat(thirdRun.getList("events.data.reason"))
                .containsOnly("credit type CFP was removed from the session");
        runs(feed).body("items.byCreditType.CFP.revoked", contains(2, 0, 0));
        List<ConsumerRecord<String, String>> revoked = credits(feed, KafkaProbe.ofType(
                "io.teamscpe.credit.revoked.v2"), 2);
        for (ConsumerRecord<String, String> r : revoked) {
            assertThat(EventSchemas.validate(KafkaProbe.header(r, "ce_type"), r.value())).isEmpty();
        }
    }

    /** The override of a session with two credit types must say which one; a professional's type must be sought. */
    private static void overrideRefusals(Feed feed) {
        Map<String, Object> body = Map.of("credit", 2.0, "reason", "Documented technical difficulties");
        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON).body(body)
                .put("/api/sessions/{id}/completion/ann", feed.sessionId).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo(PROBLEM + "credit-type-required"))
                .body("detail", containsString("CPA, CFP")).body("creditTypes", contains("CPA", "CFP"));
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion/ann", feed.sessionId).then()
                .statusCode(400).body("type", equalTo(PROBLEM + "credit-type-required"));
        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON).body(body)
                .put("/api/sessions/{id}/completion/ann?creditType=EA", feed.sessionId).then().statusCode(400)
                .body("type", equalTo(PROBLEM + "unknown-credit-type"));
        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON).body(body)
                .put("/api/sessions/{id}/completion/bob?creditType=CPA", feed.sessionId).then().statusCode(422)
                .body("type", equalTo(PROBLEM + "credit-type-not-sought")).body("creditTypes", contains("CFP"));
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion/bob?creditType=CPA",
                feed.sessionId).then().statusCode(422).body("type", equalTo(PROBLEM + "credit-type-not-sought"));
    }

    @Test
    void aCreditTypeWaitsForItsRulesetWhileTheOtherComputes() {
        Feed feed = new Feed(FIRM, json);
        String cpa = "cpa-" + feed.sessionId;
        String cfp = "cfp-" + feed.sessionId;
        feed.ruleset(cpa, "NASBA GIB", 1, Feed.NASBA_GIB_ATTENDANCE_ONLY);
        feed.session(1, List.of(new CreditType("CPA", cpa, 1, new BigDecimal("2.0"), false),
                new CreditType("CFP", cfp, 1, new BigDecimal("2.0"), true)));
        feed.roster(new Enrollee("ann", "ann@firm.test", List.of(), "Ann Archer"));
        feed.attendee("oid-ann", "ann@firm.test", "Ann Archer", false, new int[] {0, 100});
        feed.publishAttendance();

        JsonPath report = CompletionPoll.until(feed, r -> r.getList("rows").size() == 2
                && r.getList("rows.minutesPresent").contains(100));
        assertThat(report.getList("creditTypes.waiting")).containsExactly(false, true);
        assertThat(report.getList("creditTypes.ruleset")).containsExactly("NASBA GIB", null);
        assertThat(row(report, "ann", "CPA").get("finalCredit").toString()).isEqualTo("2.0");
        Map<String, Object> waiting = row(report, "ann", "CFP");
        assertThat(waiting.get("finalCredit")).isNull();
        assertThat(waiting.get("reason")).isEqualTo("waiting for the session's ruleset: no credit is computed until "
                + "the ruleset version the session names has reached reporting");
        assertThat(report.getString("freshness.note")).contains("Credit type CFP is waiting for its ruleset " + cfp);

        String detail = given().auth().oauth2(Tokens.admin(FIRM)).post("/api/sessions/{id}/process", feed.sessionId)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "processing-ruleset-unknown"))
                .body("waitingCreditTypes", contains("CFP")).extract().path("detail");
        assertThat(detail).contains("credit type CFP uses ruleset " + cfp + " version 1").doesNotContain("CPA");
        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON)
                .body(Map.of("credit", 1.0, "reason", "Documented technical difficulties"))
                .put("/api/sessions/{id}/completion/ann?creditType=CFP", feed.sessionId).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "override-ruleset-unknown"));

        feed.ruleset(cfp, "CFP Board", 1, RulesetPresets.byKey("cfp-board").rules());
        CompletionPoll.until(feed, r -> !r.getList("creditTypes.waiting").contains(true));
        process(feed).body("awarded", equalTo(2)).body("byCreditType.CFP.awarded", equalTo(1));
        runs(feed).body("items[0].byCreditType.keySet()", hasItems("CPA", "CFP"));
    }

    /** "professional/creditType" of a credit event. */
    private String whoAndType(ConsumerRecord<String, String> r) {
        try {
            Map<?, ?> data = json.readValue(r.value(), Map.class);
            return data.get("professionalId") + "/" + data.get("creditType");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ConsumerRecord<String, String>> credits(Feed feed,
                                                                Predicate<ConsumerRecord<String, String>> type,
                                                                int atLeast) {
        return KafkaProbe.await(KafkaResource.server().bootstrapServers(), "cpe.credits.v1",
                type.and(r -> r.key().equals(feed.sessionId)), atLeast, Duration.ofSeconds(30));
    }

    private static ValidatableResponse process(Feed feed) {
        return given().auth().oauth2(Tokens.admin(FIRM)).post("/api/sessions/{id}/process", feed.sessionId)
                .then().statusCode(200);
    }

    private static ValidatableResponse runs(Feed feed) {
        return given().auth().oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/processing-runs", feed.sessionId)
                .then().statusCode(200);
    }

    private static JsonPath runEvents(Feed feed, int run) {
        return given().auth().oauth2(Tokens.admin(FIRM))
                .get("/api/sessions/{id}/processing-runs/{run}", feed.sessionId, run).then().statusCode(200)
                .extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(JsonPath report, String participantId, String creditType) {
        return report.getList("rows", Map.class).stream()
                .filter(r -> participantId.equals(r.get("participantId")) && creditType.equals(r.get("creditType")))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + participantId + "/" + creditType
                        + " in " + report.prettify()));
    }
}
