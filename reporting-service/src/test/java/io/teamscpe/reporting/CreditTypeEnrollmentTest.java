package io.teamscpe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.teamscpe.contracts.session.CreditType;
import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.contracts.session.RulesetPresets;
import io.teamscpe.devstack.ZipEntries;
import io.teamscpe.devstack.quarkus.Tokens;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What a professional seeks decides their rows and credit events per credit type: a mapped guest's time counts for
 * each type the professional seeks, and a type they stop seeking is revoked; the audit bundle keeps it all per type.
 */
@QuarkusTest
class CreditTypeEnrollmentTest {
    static final String FIRM = "firm-credit-type-enrollment";

    @Inject
    ObjectMapper json;

    @Test
    void aMappedGuestCountsForTheTypesTheProfessionalSeeksAndATypeNoLongerSoughtIsRevoked() throws Exception {
        Feed feed = new Feed(FIRM, json);
        String cpa = "cpa-" + feed.sessionId;
        String cfp = "cfp-" + feed.sessionId;
        feed.ruleset(cpa, "NASBA GIB, attendance only", 1, Feed.NASBA_GIB_ATTENDANCE_ONLY);
        feed.ruleset(cfp, "CFP Board", 1, RulesetPresets.byKey("cfp-board").rules());
        feed.session(1, List.of(new CreditType("CPA", cpa, 1, new BigDecimal("2.0"), false),
                new CreditType("CFP", cfp, 1, new BigDecimal("2.0"), true)));
        feed.roster(new Enrollee("ann", "ann@firm.test", List.of(), "Ann Archer"),
                new Enrollee("bob", "bob@firm.test", List.of(), "Bob Baker", List.of("CFP")));
        feed.attendee("oid-ann", "ann@firm.test", "Ann Archer", false, new int[] {0, 100});
        feed.attendee("anonymous:7c1e", null, "Bob Baker (iPhone)", true, new int[] {0, 100});
        feed.publishAttendance();
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> completion(feed)
                .body("rows.participantId", contains("ann", "ann", "bob", "anonymous:7c1e", "anonymous:7c1e"))
                .body("rows.creditType", contains("CPA", "CFP", "CFP", "CPA", "CFP")));

        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON)
                .body(Map.of("participantKey", "anonymous:7c1e", "lmsId", "bob"))
                .post("/api/sessions/{id}/attendance-mappings", feed.sessionId).then().statusCode(201);
        JsonPath mapped = completion(feed).extract().jsonPath();
        assertThat(mapped.getList("rows.participantId")).containsExactly("ann", "ann", "bob");
        assertThat(mapped.getMap("rows[2]")).containsEntry("creditType", "CFP").containsEntry("minutesPresent", 100)
                .containsEntry("matchMethod", "MAPPED");
        assertThat(mapped.getString("rows[2].finalCredit")).isEqualTo("2.0");

        process(feed).body("awarded", equalTo(3)).body("byCreditType.CPA.awarded", equalTo(1))
                .body("byCreditType.CFP.awarded", equalTo(2));

        // Ann now seeks CPA only: her CFP credit is revoked, the rest stays
        feed.roster(new Enrollee("ann", "ann@firm.test", List.of(), "Ann Archer", List.of("CPA")),
                new Enrollee("bob", "bob@firm.test", List.of(), "Bob Baker", List.of("CFP")));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> completion(feed)
                .body("rows.creditType", contains("CPA", "CFP")));
        JsonPath run = process(feed).body("revoked", equalTo(1)).body("unchanged", equalTo(2))
                .body("byCreditType.CFP.revoked", equalTo(1)).extract().jsonPath();
        JsonPath events = given().auth().oauth2(Tokens.admin(FIRM))
                .get("/api/sessions/{id}/processing-runs/{run}", feed.sessionId, run.getInt("run")).then()
                .statusCode(200).extract().jsonPath();
        assertThat(events.getList("events.type")).containsExactly("io.teamscpe.credit.revoked.v2");
        assertThat(events.getMap("events[0].data")).containsEntry("professionalId", "ann")
                .containsEntry("creditType", "CFP")
                .containsEntry("reason", "no longer seeks credit type CFP in the session");

        Map<String, byte[]> bundle = ZipEntries.read(given().auth().oauth2(Tokens.admin(FIRM))
                .get("/api/sessions/{id}/audit-bundle", feed.sessionId).then().statusCode(200).extract()
                .asByteArray());
        JsonNode session = json.readTree(bundle.get("session.json"));
        assertThat(session.findValuesAsText("code")).containsExactly("CPA", "CFP");
        assertThat(json.readTree(bundle.get("ruleset.json")).findValuesAsText("creditType"))
                .containsExactly("CPA", "CFP");
        JsonNode awards = json.readTree(bundle.get("credit-awards.json"));
        assertThat(awards).hasSize(3);
        assertThat(awards.toString()).contains("\"professionalId\":\"ann\",\"creditType\":\"CFP\"")
                .contains("\"revoked\":true");
        assertThat(json.readTree(bundle.get("processing-runs.json")).get(1).path("byCreditType").path("CFP")
                .path("revoked").asInt()).isEqualTo(1);
    }

    private static ValidatableResponse completion(Feed feed) {
        return given().auth().oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion", feed.sessionId)
                .then().statusCode(200);
    }

    private static ValidatableResponse process(Feed feed) {
        return given().auth().oauth2(Tokens.admin(FIRM)).post("/api/sessions/{id}/process", feed.sessionId)
                .then().statusCode(200);
    }
}
