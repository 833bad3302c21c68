package io.teamscpe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamscpe.deploy.support.Platform;
import io.teamscpe.deploy.support.Yaml;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * deploy/platform against hand-written schemas of the fields it uses (unknown fields refused), and the facts the
 * chart relies on: the Kafka cluster, its users' SCRAM Secrets, and CloudNativePG's &lt;cluster&gt;-app Secret.
 */
class PlatformSchemaTest {

    @Test
    void everyPlatformResourceFitsItsSchema() {
        List<ObjectNode> docs = Platform.documents();

        assertThat(docs).extracting(d -> d.path("kind").asText()).contains("Kafka", "KafkaNodePool", "KafkaTopic",
                "KafkaUser", "Cluster", "ScheduledBackup", "ObjectStore");
        assertThat(docs.stream().flatMap(d -> Platform.violations(d).stream())).isEmpty();
    }

    @Test
    void aMisspeltFieldIsCaught() {
        ObjectNode topic = Platform.ofKind(Platform.documents(), "KafkaTopic").get(0).deepCopy();
        ObjectNode spec = (ObjectNode) topic.path("spec");
        spec.set("partition", spec.remove("partitions"));

        assertThat(String.join("\n", Platform.violations(topic)))
                .contains("partition").contains("partitions");
    }

    @Test
    void theOldStrimziApiVersionIsCaught() {
        ObjectNode user = Platform.ofKind(Platform.documents(), "KafkaUser").get(0).deepCopy();
        user.put("apiVersion", "kafka.strimzi.io/v1beta2");

        assertThat(Platform.violations(user)).singleElement().asString()
                .contains("no schema for kafka.strimzi.io/v1beta2/KafkaUser");
    }

    @Test
    void theDatabaseIsCreatedWithItsOwnerAndTheChartReadsItsAppSecret() {
        ObjectNode cluster = Platform.ofKind(Platform.documents(), "Cluster").get(0);
        assertThat(cluster.path("spec").path("bootstrap").path("initdb").path("database").asText()).isEqualTo("teamscpe");

        ObjectNode values = Yaml.documents(io.teamscpe.deploy.support.Repo.CHART.resolve("values.yaml")).get(0);
        assertThat(values.path("database").path("existingSecret").asText())
                .isEqualTo(cluster.path("metadata").path("name").asText() + "-app");
    }

    @Test
    void theChartConnectsToThePlatformKafkaAsItsUsers() {
        ObjectNode kafka = Platform.ofKind(Platform.documents(), "Kafka").get(0);
        String cluster = kafka.path("metadata").path("name").asText();
        ObjectNode values = Yaml.documents(io.teamscpe.deploy.support.Repo.CHART.resolve("values.yaml")).get(0);

        assertThat(values.path("kafka").path("bootstrapServers").asText()).isEqualTo(cluster + "-kafka-bootstrap:9093");
        assertThat(values.path("kafka").path("tls").path("caSecret").asText()).isEqualTo(cluster + "-cluster-ca-cert");
        assertThat(kafka.path("spec").path("kafka").path("listeners").path(0).path("authentication").path("type")
                .asText()).isEqualTo(values.path("kafka").path("authentication").asText());
        List<String> users = Platform.ofKind(Platform.documents(), "KafkaUser").stream()
                .map(u -> u.path("metadata").path("name").asText()).toList();
        values.path("kafka").path("userSecrets").forEach(secret -> assertThat(users).contains(secret.asText()));
        Platform.ofKind(Platform.documents(), "KafkaUser").forEach(u ->
                assertThat(u.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(cluster));
    }
}
