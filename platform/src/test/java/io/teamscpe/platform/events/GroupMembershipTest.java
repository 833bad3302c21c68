package io.teamscpe.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class GroupMembershipTest {
    private final GroupMembership membership = new GroupMembership(new SmallRyeConfigBuilder().withSources(
            new PropertiesConfigSource(Map.of(
                    "mp.messaging.incoming.sessions.topic", "cpe.sessions.v1",
                    "mp.messaging.incoming.attendance.topic", "cpe.attendance.v1",
                    "mp.messaging.incoming.attendance.dead-letter-queue.topic", "cpe.attendance.v1.dlt",
                    "mp.messaging.incoming.polls.topic", "cpe.polls.v1",
                    "mp.messaging.incoming.polls.enabled", "false"), "test", 100)).build());

    @Test
    void notReadyUntilEveryConsumedTopicHasJoinedItsGroup() {
        HealthCheckResponse starting = membership.call();
        assertThat(starting.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(starting.getData().orElseThrow()).containsOnlyKeys("cpe.sessions.v1", "cpe.attendance.v1")
                .containsEntry("cpe.sessions.v1", "not yet a member of its consumer group");

        joined("cpe.sessions.v1", 0, 1, 2);
        assertThat(membership.call().getStatus()).as("attendance has not joined yet")
                .isEqualTo(HealthCheckResponse.Status.DOWN);

        joined("cpe.attendance.v1");
        HealthCheckResponse ready = membership.call();
        assertThat(ready.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(ready.getData().orElseThrow())
                .containsEntry("cpe.sessions.v1", "3 partition(s) held")
                .containsEntry("cpe.attendance.v1", "0 partition(s) held");
    }

    private void joined(String topic, int... partitions) {
        MockConsumer<String, String> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        consumer.subscribe(List.of(topic));
        List<TopicPartition> assigned = java.util.Arrays.stream(partitions)
                .mapToObj(p -> new TopicPartition(topic, p)).toList();
        consumer.rebalance(assigned);
        membership.onPartitionsAssigned(consumer, assigned);
    }
}
