package io.teamscpe.devstack;

import io.teamscpe.contracts.Topics;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.KafkaResource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaServerTest {
    private static KafkaServer kafka;

    /** The Quarkus test resource's JVM-wide broker: tests it and keeps this run to one broker start. */
    @BeforeAll
    static void start() {
        assertThat(new KafkaResource().start()).containsOnlyKeys("kafka.bootstrap.servers");
        kafka = KafkaResource.server();
        assertThat(KafkaResource.server()).isSameAs(kafka);
    }

    @Test
    void everyTopicAndItsDeadLetterTwinExistWithTheContractPartitions() throws Exception {
        List<String> expected = new ArrayList<>(Topics.ALL);
        Topics.ALL.forEach(t -> expected.add(Topics.deadLetter(t)));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(expected).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics).containsOnlyKeys(expected);
            assertThat(topics.values()).allSatisfy(d -> assertThat(d.partitions()).hasSize(Topics.PARTITIONS));
        }
        assertThat(kafka.bootstrapServers()).isEqualTo("localhost:" + kafka.port());
    }

    @Test
    void aRecordIsConsumedAndSurvivesAStopAndRestart() {
        String key = UUID.randomUUID().toString();
        KafkaProbe.send(kafka.bootstrapServers(), Topics.SESSIONS, key, "{\"hello\":1}",
                Map.of("ce_type", "io.teamscpe.test.sample.v1"));

        var found = KafkaProbe.await(kafka.bootstrapServers(), Topics.SESSIONS, r -> key.equals(r.key()), 1,
                Duration.ofSeconds(20));
        assertThat(found).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo("{\"hello\":1}");
            assertThat(KafkaProbe.header(r, "ce_type")).isEqualTo("io.teamscpe.test.sample.v1");
            assertThat(KafkaProbe.header(r, "absent")).isNull();
        });

        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();
        kafka.restart();
        assertThat(kafka.isRunning()).isTrue();

        assertThat(KafkaProbe.await(kafka.bootstrapServers(), Topics.SESSIONS,
                KafkaProbe.ofType("io.teamscpe.test.sample.v1").and(r -> key.equals(r.key())), 1,
                Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void probeFailsWithAClearMessageWhenTooFewRecordsMatch() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KafkaProbe.await(kafka.bootstrapServers(),
                        Topics.CREDITS, r -> false, 1, Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected at least 1 matching record(s) on cpe.credits.v1");
    }
}
