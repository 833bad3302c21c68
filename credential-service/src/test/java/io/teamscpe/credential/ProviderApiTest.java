package io.teamscpe.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.teamscpe.devstack.kafka.EventSchemas;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.KafkaResource;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProviderApiTest {
    static final String FIRM = "firm-providers";
    static final String CANARY = "CANARY-9f8e7d6c5b4a-secret-value";

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void loadScenario() {
        GraphEmulatorResource.emulator().loadScenario(DemoScenario.build());
    }

    @Test
    void aRegisteredProviderShowsOnlyTheSecretHint() {
        String id = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID, CANARY,
                "2028-01-01");
        String body = given().auth().oauth2(Tokens.admin(FIRM)).get("/api/providers/{id}", id)
                .then().statusCode(200)
                .body("type", equalTo("APPLICATION"))
                .body("secretHint", equalTo("…alue"))
                .body("secretExpiresOn", equalTo("2028-01-01"))
                .body("status", equalTo("UNVALIDATED"))
                .extract().asString();
        assertThat(body).doesNotContain(CANARY).doesNotContain("clientSecret");
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/providers")
                .then().statusCode(200).body("id", hasItem(id)).body(not(containsString(CANARY)));
    }

    @Test
    void theDatabaseHoldsOnlyCiphertext() throws SQLException {
        String id = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID, CANARY, null);
        try (Connection c = db.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select * from provider where id = '" + id + "'")) {
            assertThat(rs.next()).isTrue();
            for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                byte[] value = rs.getBytes(col);
                if (value != null) {
                    assertThat(new String(value, StandardCharsets.UTF_8)).doesNotContain(CANARY);
                }
            }
        }
    }

    @Test
    void registeredEventsMatchTheirSchemaAndCarryNoSecret() {
        String id = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID, CANARY, null);
        ConsumerRecord<String, String> record = KafkaProbe.await(KafkaResource.server().bootstrapServers(),
                "cpe.credentials.v1", r -> id.equals(r.key()), 1, KafkaProbe.DEFAULT_TIMEOUT).get(0);
        String type = KafkaProbe.header(record, "ce_type");
        assertThat(type).isEqualTo("io.teamscpe.credential.registered.v1");
        assertThat(KafkaProbe.header(record, "ce_id")).isNotBlank();
        assertThat(EventSchemas.validate(type, record.value())).isEmpty();
        assertThat(record.value()).doesNotContain(CANARY);
    }

    @Test
    void invalidInputIsRefusedFieldByFieldAndNothingIsStored() {
        long before = countProviders();
        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON)
                .body(Map.of("type", "APPLICATION", "name", " "))
                .post("/api/providers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/validation-failed"))
                .body("errors.field", hasItem("clientId"))
                .body("errors.field", hasItem("clientSecret"))
                .body("errors.field", hasItem("name"));
        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON)
                .body(Map.of("type", "APPLICATION", "name", "n", "clientId", "c", "clientSecret", CANARY))
                .post("/api/providers")
                .then().statusCode(400).body("type", equalTo("https://teamscpe.io/problems/tenant-id-required"))
                .body(not(containsString(CANARY)));
        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON).body("{\"type\": \"SOMETHING\"")
                .post("/api/providers")
                .then().log().ifValidationFails().statusCode(400).body("type", equalTo("https://teamscpe.io/problems/malformed-body"));
        assertThat(countProviders()).isEqualTo(before);
    }

    @Test
    void anotherFirmSeesNothing() {
        String id = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID, CANARY, null);
        given().auth().oauth2(Tokens.admin("firm-b")).get("/api/providers/{id}", id)
                .then().statusCode(404).body("type", equalTo("https://teamscpe.io/problems/not-found"));
        given().auth().oauth2(Tokens.admin("firm-b")).get("/api/providers")
                .then().statusCode(200).body("id", not(hasItem(id)));
    }

    @Test
    void noTokenOrTheWrongRoleIsRefused() {
        given().get("/api/providers").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.professional(FIRM, "pro@firm.test")).get("/api/providers")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void theBrokerIssuesGraphTokensToServicesOnly() {
        String id = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                DemoScenario.CLIENT_SECRET, null);
        Map<String, Object> request = Map.of("firmId", FIRM, "providerId", id, "organizerId",
                DemoScenario.ORGANIZER_ID);
        given().auth().oauth2(Tokens.service()).contentType(ContentType.JSON).body(request)
                .post("/internal/tokens")
                .then().statusCode(200)
                .body("accessToken", notNullValue())
                .body("graphUserPath", equalTo("users/" + DemoScenario.ORGANIZER_ID))
                .body("expiresAt", notNullValue());
        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON).body(request)
                .post("/internal/tokens").then().statusCode(403);
        given().auth().oauth2(Tokens.service()).contentType(ContentType.JSON)
                .body(Map.of("firmId", "firm-b", "providerId", id, "organizerId", DemoScenario.ORGANIZER_ID))
                .post("/internal/tokens").then().statusCode(404);
        try (Connection c = db.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*) from token_issue where provider_id = '" + id + "' and outcome = 'ISSUED'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private long countProviders() {
        try (Connection c = db.getConnection();
             ResultSet rs = c.createStatement().executeQuery("select count(*) from provider")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
