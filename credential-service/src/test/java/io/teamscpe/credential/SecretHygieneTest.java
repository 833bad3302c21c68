package io.teamscpe.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.KafkaResource;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A planted canary secret, and a delegated organizer's access token, go through every path (register, validate,
 * update, directory, broker, organizer sign-in, delete) and appear in no response, log line, Kafka record or
 * database column in plaintext.
 */
@QuarkusTest
class SecretHygieneTest {
    static final String FIRM = "firm-hygiene";
    static final Path LOG = Path.of("target/quarkus-test.log");

    @Inject
    AgroalDataSource db;

    private final List<String> responses = new ArrayList<>();

    @BeforeEach
    void loadScenario() {
        GraphEmulatorResource.emulator().loadScenario(DelegatedScenario.build());
    }

    @Test
    void aCanarySecretNeverLeaves() throws IOException, SQLException {
        String canary = "CANARY~" + UUID.randomUUID() + "-never-log-me";
        String renewed = "CANARY~" + UUID.randomUUID() + "-renewed";
        String app = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID, canary,
                "2028-01-01");
        record(given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON).body(Map.of())
                .post("/api/providers/{id}/validate", app).asString());
        record(given().auth().oauth2(Tokens.admin(FIRM)).get("/api/providers/{id}/organizers", app).asString());
        record(given().auth().oauth2(Tokens.service()).contentType(ContentType.JSON)
                .body(Map.of("firmId", FIRM, "providerId", app, "organizerId", DemoScenario.ORGANIZER_ID))
                .post("/internal/tokens").asString());
        record(given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON)
                .body(Map.of("clientSecret", renewed)).put("/api/providers/{id}", app).asString());
        record(given().auth().oauth2(Tokens.admin(FIRM)).get("/api/providers").asString());

        String wrong = ProviderFixtures.registerDelegated(FIRM, DemoScenario.TENANT_ID, DelegatedScenario.CLIENT_ID,
                canary);
        var failed = SignIn.callback(SignIn.redirectFromMicrosoft(SignIn.authorizeUrl(FIRM, wrong)));
        assertThat(SignIn.outcome(failed)).containsEntry("reason", "wrong-client-secret");
        record(failed.header("Location") + failed.asString());

        String delegated = ProviderFixtures.registerDelegated(FIRM, DemoScenario.TENANT_ID,
                DelegatedScenario.CLIENT_ID, DelegatedScenario.SECRET);
        assertThat(SignIn.outcome(SignIn.callback(SignIn.redirectFromMicrosoft(SignIn.authorizeUrl(FIRM,
                delegated))))).containsEntry("outcome", "connected");
        String accessToken = given().auth().oauth2(Tokens.service()).contentType(ContentType.JSON)
                .body(Map.of("firmId", FIRM, "providerId", delegated)).post("/internal/tokens")
                .then().statusCode(200).extract().path("accessToken");

        given().auth().oauth2(Tokens.admin(FIRM)).delete("/api/providers/{id}", app).then().statusCode(204);
        given().auth().oauth2(Tokens.admin(FIRM)).delete("/api/providers/{id}", wrong).then().statusCode(204);

        List<String> secrets = List.of(canary, renewed, DelegatedScenario.SECRET);
        assertThat(responses).allSatisfy(body -> assertThat(body).doesNotContain(secrets));
        assertThat(Files.readString(LOG, StandardCharsets.UTF_8)).as("the log")
                .doesNotContain(secrets).doesNotContain(accessToken);
        assertThat(databaseText()).as("the database").doesNotContain(secrets).doesNotContain(accessToken);
        assertThat(kafkaRecords()).isNotEmpty().allSatisfy(r -> assertThat(r).doesNotContain(secrets));
    }

    private void record(String body) {
        responses.add(body);
    }

    /** Every column of every table of the service's schema, as text. */
    private String databaseText() throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection c = db.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, "credential", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("provider", "provider_token_cache", "oauth_state", "outbox_event");
            for (String table : tables) {
                try (ResultSet rs = c.createStatement().executeQuery("select * from credential." + table)) {
                    while (rs.next()) {
                        for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                            byte[] value = rs.getBytes(col);
                            if (value != null) {
                                all.append(new String(value, StandardCharsets.UTF_8)).append('\n');
                            }
                        }
                    }
                }
            }
        }
        return all.toString();
    }

    /** Every record this service's outbox sent to cpe.credentials.v1, read back from Kafka. */
    private List<String> kafkaRecords() throws SQLException {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(unsent()).isZero());
        Set<String> ids = new HashSet<>();
        try (Connection c = db.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select id from outbox_event where topic = 'cpe.credentials.v1'")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        List<ConsumerRecord<String, String>> records = KafkaProbe.await(KafkaResource.server().bootstrapServers(),
                "cpe.credentials.v1", r -> ids.contains(KafkaProbe.header(r, "ce_id")), ids.size());
        return records.stream().map(r -> r.key() + " " + r.value()).toList();
    }

    private long unsent() throws SQLException {
        try (Connection c = db.getConnection();
             ResultSet rs = c.createStatement().executeQuery("select count(*) from outbox_event where sent_at is null")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
