package io.teamscpe.platform.config;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequiredSettingsTest {
    private static final Map<String, String> DEFAULTS = Map.of(
            "%prod.teamscpe.startup.required", "quarkus.datasource.jdbc.url, kafka.bootstrap.servers",
            "%prod.teamscpe.startup.service-required", "teamscpe.credentials.master-key",
            "%local.quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:55432/teamscpe",
            "%local.kafka.bootstrap.servers", "localhost:19092",
            "%local.teamscpe.credentials.master-key", "local-key");

    private static SmallRyeConfig config(String profile, Map<String, String> set, boolean running) {
        Map<String, String> all = new HashMap<>(DEFAULTS);
        all.putAll(set);
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(all, "test", 100))
                .withInterceptors(new RequiredSettings(() -> running, message -> { })).build();
    }

    @Test
    void productionWithoutItsSettingsStopsNamingEachAndItsEnvironmentVariable() {
        assertThatThrownBy(() -> config("prod", Map.of("kafka.bootstrap.servers", "kafka:9092"), true)
                .getConfigValue("quarkus.http.port"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Missing settings quarkus.datasource.jdbc.url (env QUARKUS_DATASOURCE_JDBC_URL), "
                        + "teamscpe.credentials.master-key (env TEAMSCPE_CREDENTIALS_MASTER_KEY): ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aBlankValueIsMissing() {
        assertThatThrownBy(() -> config("prod", Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/x",
                "kafka.bootstrap.servers", " ", "teamscpe.credentials.master-key", "k"), true)
                .getConfigValue("x"))
                .hasMessageStartingWith("Missing setting kafka.bootstrap.servers (env KAFKA_BOOTSTRAP_SERVERS): ");
    }

    @Test
    void productionWithItsSettingsStarts() {
        SmallRyeConfig config = config("prod", Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/x",
                "kafka.bootstrap.servers", "kafka:9092", "teamscpe.credentials.master-key", "k"), true);
        assertThat(config.getValue("kafka.bootstrap.servers", String.class)).isEqualTo("kafka:9092");
    }

    @Test
    void theLocalProfileKeepsItsDefaultsAndTheBuildIsNotChecked() {
        assertThat(config("local", Map.of(), true).getValue("kafka.bootstrap.servers", String.class))
                .isEqualTo("localhost:19092");
        assertThat(config("prod", Map.of(), false).getOptionalValue("kafka.bootstrap.servers", String.class))
                .isEmpty();
    }
}
