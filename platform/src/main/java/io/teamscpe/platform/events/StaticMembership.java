package io.teamscpe.platform.events;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Kafka static membership for the consumers of a replica that has a stable name ({@code teamscpe.kafka.instance-id}:
 * the pod's name in Kubernetes, the replica's name in devstack). A replica restarted under the same name (the
 * container after kill -9 or an OOM) takes its partitions straight back instead of leaving them unconsumed until the
 * dead member's session times out. Each channel is its own consumer of the group, so the channel name is part of
 * the id. Without a name (tests, a single local JVM) membership stays dynamic.
 */
@ApplicationScoped
public class StaticMembership implements ClientCustomizer<Map<String, Object>> {
    private final Optional<String> instanceId;

    public StaticMembership(@ConfigProperty(name = "teamscpe.kafka.instance-id") Optional<String> instanceId) {
        this.instanceId = instanceId.map(String::strip).filter(id -> !id.isEmpty());
    }

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        if (instanceId.isPresent() && config.containsKey("group.id")) {
            config.put("group.instance.id", instanceId.get() + "-" + channel);
        }
        return config;
    }
}
