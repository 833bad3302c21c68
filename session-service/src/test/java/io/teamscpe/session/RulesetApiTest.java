package io.teamscpe.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.teamscpe.contracts.session.RulesetPresets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.teamscpe.devstack.kafka.EventSchemas;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.KafkaResource;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RulesetApiTest {
    static final String PUBLISHED = "io.teamscpe.session.ruleset-published.v1";

    @BeforeEach
    void demo() {
        Scenarios.demo();
    }

    @Test
    void aNewFirmGetsThePresetsOnceWithNasbaGibAsItsDefault() {
        String firm = "firm-presets";
        List<String> ids = list(firm).body("items", hasSize(RulesetPresets.ALL.size()))
                .body("items.name", hasItems("NASBA GIB", "NASBA group live", "IRS enrolled agent", "CFP Board",
                        "CLE (60-minute hour)", "Firm policy: 70% of polls", "Firm policy: tiers by polls answered"))
                .body("items.findAll { it.firmDefault }.name", equalTo(List.of("NASBA GIB")))
                .body("items[0].rules.credit.minutesPerCredit", equalTo(50))
                .body("items[0].rules.credit.increment", equalTo(0.2f))
                .body("items[0].rules.credit.minimumCredit", equalTo(1))
                .body("items[0].rules.engagement.pollsPerCredit", equalTo(3))
                .body("items.find { it.name == 'IRS enrolled agent' }.rules.credit.increment", equalTo(1))
                .body("items.find { it.name == 'CLE (60-minute hour)' }.rules.credit.minutesPerCredit", equalTo(60))
                .body("items.find { it.name == 'Firm policy: tiers by polls answered' }.rules.tiers.creditFraction",
                        equalTo(List.of(1, 0.5f, 0)))
                .extract().path("items.id");
        assertThat(list(firm).extract().<List<String>>path("items.id")).isEqualTo(ids);

        List<ConsumerRecord<String, String>> events = KafkaProbe.await(bootstrap(), "cpe.sessions.v1",
                r -> PUBLISHED.equals(KafkaProbe.header(r, "ce_type")) && ids.contains(r.key()),
                RulesetPresets.ALL.size());
        assertThat(events).hasSize(RulesetPresets.ALL.size());
        events.forEach(e -> assertThat(EventSchemas.validate(PUBLISHED, e.value())).isEmpty());
    }

    @Test
    void anInvalidRulesetIsRefusedWithEveryWrongFieldNamed() {
        String firm = "firm-invalid-ruleset";
        Map<String, Object> body = ruleset("Bad", "0.6");
        credit(body).put("increment", 0.3);
        credit(body).put("minutesPerCredit", 45);
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(body).post("/api/rulesets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/invalid-ruleset"))
                .body("errors.field", hasItems("rules.credit.increment", "rules.credit.minutesPerCredit"))
                .body("detail", containsString("got 0.3"));

        Map<String, Object> unknownMode = ruleset("Bad", "0.6");
        engagement(unknownMode).put("mode", "SOMETIMES");
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(unknownMode)
                .post("/api/rulesets").then().statusCode(400)
                .body("detail", containsString("rules.engagement.mode"));

        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(Map.of("name", ""))
                .post("/api/rulesets").then().statusCode(400).body("errors.field", hasItem("name"));
        // the refused requests were this firm's first: its presets exist all the same, and nothing else
        list(firm).body("items", hasSize(RulesetPresets.ALL.size()));
    }

    @Test
    void aRulesetMayRoundMinutesDownAndAnythingButNearestOrDownIsRefusedNamingTheField() {
        String firm = "firm-minute-rounding";
        Map<String, Object> down = ruleset("Whole minutes", "0.7");
        attendance(down).put("minuteRounding", "DOWN");
        String id = given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(down)
                .post("/api/rulesets").then().statusCode(201)
                .body("rules.attendance.minuteRounding", equalTo("DOWN")).extract().path("id");
        ConsumerRecord<String, String> published = KafkaProbe.await(bootstrap(), "cpe.sessions.v1",
                r -> id.equals(r.key()), 1).get(0);
        assertThat(EventSchemas.validate(PUBLISHED, published.value())).isEmpty();
        assertThat(published.value()).contains("\"minuteRounding\":\"DOWN\"");

        Map<String, Object> up = ruleset("Generous", "0.7");
        attendance(up).put("minuteRounding", "UP");
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(up).post("/api/rulesets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("rules.attendance.minuteRounding"));
        // absent means the nearest minute: the presets name no rounding and stay valid
        list(firm).body("items.find { it.name == 'NASBA GIB' }.rules.attendance.minuteRounding",
                org.hamcrest.Matchers.nullValue());
    }

    @Test
    void editingAUsedRulesetMakesANewVersionAndTheSessionKeepsItsOwn() {
        String firm = "firm-versions";
        String id = given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(ruleset("Firm 60%", "0.6")).post("/api/rulesets").then().statusCode(201)
                .body("version", equalTo(1)).extract().path("id");
        // nobody uses version 1 yet: edited in place
        update(firm, id, ruleset("Firm 60%", "0.65")).body("version", equalTo(1))
                .body("rules.engagement.minimumShare", equalTo(0.65f));

        Map<String, Object> session = SessionApiTest.body(DemoScenario.JOIN_URL);
        session.put("rulesetId", id);
        String sessionId = given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(session)
                .post("/api/sessions").then().statusCode(201).body("rulesetId", equalTo(id))
                .body("rulesetVersion", equalTo(1)).extract().path("id");

        update(firm, id, ruleset("Firm 80%", "0.8")).body("version", equalTo(2)).body("currentVersion", equalTo(2))
                .body("sessionsUsingVersion", equalTo(0));
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}", sessionId).then()
                .body("rulesetId", equalTo(id)).body("rulesetVersion", equalTo(1));
        given().auth().oauth2(Tokens.admin(firm)).get("/api/rulesets/{id}?version=1", id).then().statusCode(200)
                .body("version", equalTo(1)).body("rules.engagement.minimumShare", equalTo(0.65f))
                .body("sessionsUsingVersion", equalTo(1));
        given().auth().oauth2(Tokens.admin(firm)).get("/api/rulesets/{id}?version=3", id).then().statusCode(404);
        given().auth().oauth2(Tokens.admin("firm-other")).get("/api/rulesets/{id}", id).then().statusCode(404);

        ConsumerRecord<String, String> v2 = KafkaProbe.await(bootstrap(), "cpe.sessions.v1",
                r -> id.equals(r.key()) && r.value().contains("\"version\":2"), 1).get(0);
        assertThat(KafkaProbe.header(v2, "ce_type")).isEqualTo(PUBLISHED);
        assertThat(EventSchemas.validate(PUBLISHED, v2.value())).isEmpty();
        assertThat(v2.value()).contains("\"minimumShare\":0.8", "\"name\":\"Firm 80%\"");
    }

    @Test
    void sessionsUseTheFirmDefaultUnlessTheyNameARuleset() {
        String firm = "firm-default-ruleset";
        String nasba = list(firm).extract().path("items.find { it.firmDefault }.id");
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(SessionApiTest.body(DemoScenario.JOIN_URL)).post("/api/sessions").then().statusCode(201)
                .body("rulesetId", equalTo(nasba)).body("rulesetVersion", equalTo(1));
        Map<String, Object> unknown = SessionApiTest.body(DemoScenario.RECURRING_JOIN_URL);
        unknown.put("rulesetId", "99999999-9999-4999-8999-999999999999");
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(unknown).post("/api/sessions")
                .then().statusCode(422).body("type", equalTo("https://teamscpe.io/problems/ruleset-not-found"));
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(ruleset("nasba gib", "0.7"))
                .post("/api/rulesets").then().statusCode(409)
                .body("type", equalTo("https://teamscpe.io/problems/ruleset-name-in-use"));

        Map<String, Object> ours = ruleset("Our default", "0.7");
        ours.put("makeDefault", true);
        String id = given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(ours)
                .post("/api/rulesets").then().statusCode(201).body("firmDefault", equalTo(true)).extract().path("id");
        list(firm).body("items.findAll { it.firmDefault }.id", equalTo(List.of(id)));
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(SessionApiTest.body(DemoScenario.RECURRING_JOIN_URL)).post("/api/sessions").then()
                .statusCode(201).body("rulesetId", equalTo(id));
        // the old default is republished without the flag, so consumers see one default
        KafkaProbe.await(bootstrap(), "cpe.sessions.v1", r -> nasba.equals(r.key())
                && r.value().contains("\"firmDefault\":false"), 1);
    }

    private static ValidatableResponse list(String firm) {
        return given().auth().oauth2(Tokens.admin(firm)).get("/api/rulesets").then().statusCode(200);
    }

    private static ValidatableResponse update(String firm, String id, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(body)
                .put("/api/rulesets/{id}", id).then().statusCode(200);
    }

    /** A poll-share ruleset as the LMS would send it. */
    static Map<String, Object> ruleset(String name, String share) {
        Map<String, Object> credit = new HashMap<>(Map.of("minutesPerCredit", 50, "minimumCredit", 1,
                "increment", 0.2));
        Map<String, Object> engagement = new HashMap<>(Map.of("mode", "POLL_SHARE", "minimumShare",
                Double.parseDouble(share), "onlyWhilePresent", false));
        Map<String, Object> rules = new HashMap<>(Map.of("credit", credit,
                "attendance", new HashMap<>(Map.of("counting", "UNION", "clipTo", "SCHEDULED", "graceMinutes", 5)),
                "engagement", engagement, "withoutPolls", "WITHHOLD"));
        return new HashMap<>(Map.of("name", name, "description", "Our policy", "rules", rules));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> credit(Map<String, Object> body) {
        return (Map<String, Object>) ((Map<String, Object>) body.get("rules")).get("credit");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attendance(Map<String, Object> body) {
        return (Map<String, Object>) ((Map<String, Object>) body.get("rules")).get("attendance");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> engagement(Map<String, Object> body) {
        return (Map<String, Object>) ((Map<String, Object>) body.get("rules")).get("engagement");
    }

    static String bootstrap() {
        return KafkaResource.server().bootstrapServers();
    }
}
