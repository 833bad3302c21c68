package io.teamscpe.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.teamscpe.credential.service.SecretExpiryCheck;
import io.teamscpe.devstack.kafka.EventSchemas;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.KafkaResource;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Update, delete and the daily secret expiry check. */
@QuarkusTest
class ProviderLifecycleTest {
    static final String FIRM = "firm-lifecycle";

    @Inject
    AgroalDataSource db;
    @Inject
    SecretExpiryCheck expiryCheck;

    @BeforeEach
    void loadScenario() {
        GraphEmulatorResource.emulator().loadScenario(DemoScenario.build());
    }

    @Test
    void anUpdateRenamesAndANewSecretIsValidatedAgain() {
        String id = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                "a-wrong-secret-value", null);
        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON)
                .body(Map.of("name", "Contoso Teams", "clientSecret", DemoScenario.CLIENT_SECRET,
                        "secretExpiresOn", "2028-01-01"))
                .put("/api/providers/{id}", id)
                .then().statusCode(200).body("status", equalTo("VALID"))
                .body("provider.name", equalTo("Contoso Teams")).body("provider.secretHint", equalTo("…2028"))
                .body("provider.secretExpiresOn", equalTo("2028-01-01"));
        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON)
                .body(Map.of("name", "x".repeat(201))).put("/api/providers/{id}", id)
                .then().statusCode(400).body("type", equalTo("https://teamscpe.io/problems/validation-failed"));
        given().auth().oauth2(Tokens.admin("firm-elsewhere")).contentType(ContentType.JSON)
                .body(Map.of("name", "mine now")).put("/api/providers/{id}", id).then().statusCode(404);
    }

    @Test
    void deletingWipesTheSecretStopsTokensAndPublishesCredentialDeleted() throws SQLException {
        String id = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                DemoScenario.CLIENT_SECRET, null);
        given().auth().oauth2(Tokens.admin("firm-elsewhere")).delete("/api/providers/{id}", id)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.professional(FIRM, "pro@firm.test")).delete("/api/providers/{id}", id)
                .then().statusCode(403);

        given().auth().oauth2(Tokens.admin(FIRM)).delete("/api/providers/{id}", id).then().statusCode(204);

        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/providers/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/providers").then().body("id", not(hasItem(id)));
        given().auth().oauth2(Tokens.admin(FIRM)).delete("/api/providers/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.service()).contentType(ContentType.JSON)
                .body(Map.of("firmId", FIRM, "providerId", id, "organizerId", DemoScenario.ORGANIZER_ID))
                .post("/internal/tokens").then().statusCode(404);
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select secret_ciphertext, secret_iv, dek_wrapped, dek_iv, "
                     + "master_key_id, secret_hint, deleted_at from provider where id = ?::uuid")) {
            s.setString(1, id);
            ResultSet rs = s.executeQuery();
            assertThat(rs.next()).isTrue();
            for (int col = 1; col <= 6; col++) {
                assertThat(rs.getObject(col)).as("column %d", col).isNull();
            }
            assertThat(rs.getTimestamp(7)).isNotNull();
        }
        ConsumerRecord<String, String> deleted = KafkaProbe.await(KafkaResource.server().bootstrapServers(),
                "cpe.credentials.v1", r -> id.equals(r.key())
                        && "io.teamscpe.credential.deleted.v1".equals(KafkaProbe.header(r, "ce_type")), 1).get(0);
        assertThat(EventSchemas.validate("io.teamscpe.credential.deleted.v1", deleted.value())).isEmpty();
    }

    @Test
    void theDailyCheckWarnsOncePerDayAndInvalidatesExpiredSecrets() throws SQLException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String soon = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                DemoScenario.CLIENT_SECRET, "2028-01-01");
        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON).body(Map.of())
                .post("/api/providers/{id}/validate", soon).then().body("status", equalTo("VALID"));
        execute("update provider set secret_expires_on = ?::date where id = ?::uuid",
                today.plusDays(10).toString(), soon);
        String expired = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                DemoScenario.CLIENT_SECRET, today.minusDays(1).toString());
        String later = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                DemoScenario.CLIENT_SECRET, today.plusDays(90).toString());

        expiryCheck.run();
        expiryCheck.run();

        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/providers/{id}", soon)
                .then().body("status", equalTo("EXPIRING")).body("statusCode", equalTo("client-secret-expiring"));
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/providers/{id}", expired)
                .then().body("status", equalTo("INVALID")).body("statusCode", equalTo("client-secret-expired"));
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/providers/{id}", later)
                .then().body("status", equalTo("UNVALIDATED"));
        assertThat(outboxCount(soon, "io.teamscpe.credential.expiring.v1")).isEqualTo(1);
        assertThat(outboxCount(expired, "io.teamscpe.credential.validated.v1")).isEqualTo(1);
        assertThat(outboxCount(later, "io.teamscpe.credential.expiring.v1")).isZero();

        ConsumerRecord<String, String> expiring = KafkaProbe.await(KafkaResource.server().bootstrapServers(),
                "cpe.credentials.v1", r -> soon.equals(r.key())
                        && "io.teamscpe.credential.expiring.v1".equals(KafkaProbe.header(r, "ce_type")), 1).get(0);
        assertThat(EventSchemas.validate("io.teamscpe.credential.expiring.v1", expiring.value())).isEmpty();
        assertThat(expiring.value()).contains("\"daysLeft\":10")
                .contains("\"expiresOn\":\"" + today.plusDays(10) + "\"");
        ConsumerRecord<String, String> invalid = KafkaProbe.await(KafkaResource.server().bootstrapServers(),
                "cpe.credentials.v1", r -> expired.equals(r.key())
                        && "io.teamscpe.credential.validated.v1".equals(KafkaProbe.header(r, "ce_type")), 1).get(0);
        assertThat(invalid.value()).contains("\"status\":\"INVALID\"").contains("client-secret-expired");
    }

    private long outboxCount(String key, String type) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select count(*) from outbox_event where record_key = ? and ce_type = ?")) {
            s.setString(1, key);
            s.setString(2, type);
            ResultSet rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql, String... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
