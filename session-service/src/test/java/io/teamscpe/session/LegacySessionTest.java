package io.teamscpe.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A session made before credit types, as migration V4 left it: its rows are put back to what they were before V4
 * (no credit type; a maximum left empty), then V4's own backfill statement runs for it. Read and edited through the
 * API it keeps working: one type, CPE, with its ruleset; an empty maximum stays "no maximum" until the next update
 * derives one.
 */
@QuarkusTest
class LegacySessionTest {
    @Inject
    EntityManager em;

    @BeforeEach
    void demo() {
        Scenarios.demo();
    }

    @Test
    void aSessionMadeBeforeCreditTypesHasOneCpeTypeAndItsNextUpdateDerivesAMissingMaximum() throws IOException {
        String firm = "firm-legacy";
        String nasba = CreditTypesTest.rulesets(firm).get("NASBA GIB");
        Map<String, Object> body = SessionApiTest.body(DemoScenario.JOIN_URL);
        body.remove("maxCredits");
        String id = given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(body)
                .post("/api/sessions").then().statusCode(201).extract().path("id");
        asBeforeV4(UUID.fromString(id));

        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}", id).then().statusCode(200)
                .body("maxCredits", nullValue()).body("maxCreditsDerived", equalTo(false))
                .body("rulesetId", equalTo(nasba)).body("rulesetVersion", equalTo(1))
                .body("creditTypes.code", equalTo(List.of("CPE")))
                .body("creditTypes[0].rulesetId", equalTo(nasba))
                .body("creditTypes[0].rulesetName", equalTo("NASBA GIB"))
                .body("creditTypes[0].rulesetVersion", equalTo(1))
                .body("creditTypes[0].maxCredits", nullValue())
                .body("creditTypes[0].maxCreditsDerived", equalTo(false));
        given().auth().oauth2(Tokens.admin(firm)).get("/api/rulesets/{id}", nasba).then()
                .body("sessionsUsingVersion", equalTo(1));

        JsonPath updated = given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(body)
                .put("/api/sessions/{id}", id).then().statusCode(200).body("revision", equalTo(2))
                .body("creditTypes.code", equalTo(List.of("CPE"))).body("maxCreditsDerived", equalTo(true))
                .extract().jsonPath();
        assertThat(CreditTypesTest.credit(updated, "maxCredits")).isEqualTo(2.0);
    }

    /** The session's rows as before V4 (no credit type, no maximum), then V4's backfill for this session only. */
    private void asBeforeV4(UUID id) throws IOException {
        String backfill = backfillStatement().replace("from session;", "from session where id = :id");
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from session_credit_type where session_id = :id").setParameter("id", id)
                    .executeUpdate();
            em.createNativeQuery("update session set max_credits = null where id = :id").setParameter("id", id)
                    .executeUpdate();
            assertThat(em.createNativeQuery(backfill).setParameter("id", id).executeUpdate()).isEqualTo(1);
        });
    }

    /** The {@code insert into session_credit_type … from session;} of V4, as Flyway ran it. */
    private static String backfillStatement() throws IOException {
        try (InputStream in = LegacySessionTest.class.getResourceAsStream("/db/migration/V4__credit_types.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = script.indexOf("insert into session_credit_type");
            return script.substring(start, script.indexOf("from session;", start) + "from session;".length());
        }
    }
}
