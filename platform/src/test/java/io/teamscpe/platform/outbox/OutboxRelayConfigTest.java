package io.teamscpe.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The relay reaches a secured cluster as the consumers do: it takes the deployment's Kafka settings. */
class OutboxRelayConfigTest {
    @Test
    void theDeploymentsSecuritySettingsReachTheRelaysProducerWhoseGuaranteesStayItsOwn() {
        Map<String, Object> config = OutboxRelay.producerConfig(Map.of(
                "bootstrap.servers", "teamscpe-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.location", "/etc/kafka-ca/ca.p12",
                "group.id", "reporting-service",
                "acks", "1"));
        assertThat(config).containsEntry("bootstrap.servers", "teamscpe-kafka-bootstrap:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKey("sasl.jaas.config")
                .containsEntry("ssl.truststore.location", "/etc/kafka-ca/ca.p12")
                .doesNotContainKey("group.id")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true);
    }
}
