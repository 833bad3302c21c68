package io.teamscpe.platform.events;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until every consumed topic's consumer has joined its group and received its partitions, so a replica
 * (re)started by Kubernetes takes traffic only once it consumes again; afterwards says how many partitions of each
 * topic it holds (none is normal with more replicas than partitions). Every incoming channel uses this listener
 * (platform sets {@code consumer-rebalance-listener.name} for the Kafka connector).
 */
@Readiness
@ApplicationScoped
@Identifier(GroupMembership.NAME)
public class GroupMembership implements KafkaConsumerRebalanceListener, HealthCheck {
    static final String NAME = "teamscpe-group-membership";
    private static final String INCOMING = "mp.messaging.incoming.";

    private final Map<String, Integer> heldByTopic = new ConcurrentHashMap<>();
    private final Set<String> consumedTopics = new TreeSet<>();

    public GroupMembership(Config config) {
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(INCOMING) && name.endsWith(".topic")) {
                String channel = name.substring(INCOMING.length(), name.length() - ".topic".length());
                if (channel.contains(".")) {
                    continue; // another attribute's topic, e.g. the channel's dead-letter-queue.topic
                }
                boolean enabled = config.getOptionalValue(INCOMING + channel + ".enabled", Boolean.class).orElse(true);
                config.getOptionalValue(name, String.class).filter(t -> enabled)
                        .ifPresent(consumedTopics::add);
            }
        }
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        held(consumer);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        held(consumer);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        held(consumer);
    }

    /** Records what the consumer holds now, for each topic it subscribes to. */
    void held(Consumer<?, ?> consumer) {
        Collection<TopicPartition> assignment = consumer.assignment();
        for (String topic : consumer.subscription()) {
            heldByTopic.put(topic, (int) assignment.stream().filter(p -> p.topic().equals(topic)).count());
        }
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("kafka group membership").up();
        for (String topic : consumedTopics) {
            Integer held = heldByTopic.get(topic);
            if (held == null) {
                builder.down().withData(topic, "not yet a member of its consumer group");
            } else {
                builder.withData(topic, held + " partition(s) held");
            }
        }
        return builder.build();
    }
}
