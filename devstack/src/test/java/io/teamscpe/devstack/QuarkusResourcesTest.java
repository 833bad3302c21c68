package io.teamscpe.devstack;

import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.KafkaResource;
import io.teamscpe.devstack.quarkus.PostgresResource;
import io.teamscpe.emulator.GraphEmulator;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import org.awaitility.Awaitility;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QuarkusResourcesTest {

    @Test
    void postgresResourceConfiguresTheDatasourceOfOneSharedServer() throws Exception {
        Map<String, String> config = new PostgresResource().start();
        assertThat(new PostgresResource().start()).isEqualTo(config);
        assertThat(config).containsOnlyKeys("quarkus.datasource.jdbc.url", "quarkus.datasource.username",
                "quarkus.datasource.password");
        assertThat(config.get("quarkus.datasource.jdbc.url")).matches("jdbc:postgresql://localhost:\\d+/teamscpe");
        try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"))) {
            assertThat(c.isValid(5)).isTrue();
        }
        assertThat(PostgresResource.datasource()).isEqualTo(config);
    }

    @Test
    void graphEmulatorResourcePointsGraphIdentityAndOidcAtTheEmulator() {
        Map<String, String> config = new GraphEmulatorResource().start();
        GraphEmulator emulator = GraphEmulatorResource.emulator();
        String base = emulator.baseUrl();
        assertThat(config).containsExactlyInAnyOrderEntriesOf(Map.of(
                "teamscpe.graph.base-url", base + "/v1.0",
                "teamscpe.identity.authority-host", base,
                "quarkus.oidc.auth-server-url", base + "/teamscpe-idp/v2.0",
                "quarkus.oidc-client.auth-server-url", base + "/teamscpe-idp/v2.0",
                "quarkus.oidc-client.client-id", GraphEmulator.SERVICE_CLIENT_ID,
                "quarkus.oidc-client.credentials.secret", GraphEmulator.DEFAULT_SERVICE_CLIENT_SECRET));
        // the first answer waits for the IdP's signing key, generated in the background: slow on a loaded machine
        URI discovery = URI.create(config.get("quarkus.oidc.auth-server-url") + "/.well-known/openid-configuration");
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(ServiceProcess.status(discovery)).isEqualTo(200));
        assertThat(emulator.mintIdpToken("demo-firm", "admin", "Demo Admin", "admin@demo.test", List.of("cpe-admin")))
                .isNotBlank();
    }

    @Test
    void kafkaCanBeDrivenFromAnotherClassLoaderThroughItsControl() {
        KafkaServer local = KafkaResource.server();
        KafkaServer attached = KafkaServer.attach(local.control());
        assertThat(attached.bootstrapServers()).isEqualTo(local.bootstrapServers()).isEqualTo(KafkaResource.bootstrapServers());
        assertThat(attached.isRunning()).isTrue();
        assertThat(attached.log()).isEqualTo(local.log());
    }

    @Test
    void environmentNamesFollowMicroProfileConfig() {
        assertThat(Stack.envName("quarkus.oidc-client.credentials.secret"))
                .isEqualTo("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET");
        assertThat(Stack.envName("teamscpe.graph.base-url")).isEqualTo("TEAMSCPE_GRAPH_BASE_URL");
    }
}
