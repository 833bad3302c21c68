package io.teamscpe.devstack.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.teamscpe.devstack.KafkaServer;

import java.util.Map;
import java.util.function.Function;

/**
 * A real Kafka broker for {@code @QuarkusTest}s: {@code @QuarkusTestResource(KafkaResource.class)}. One broker per
 * test JVM with every contract topic created; sets {@code kafka.bootstrap.servers}. {@link #server()} lets a test
 * stop and restart it.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    /** The shared broker (started if needed). */
    @SuppressWarnings("unchecked")
    public static KafkaServer server() {
        Map<String, Object> handle = SharedServers.kafka();
        if (handle.get(SharedServers.INSTANCE) instanceof KafkaServer local) {
            return local;
        }
        // started by another class loader (another Quarkus application in this JVM): drive it through JDK types
        return KafkaServer.attach((Function<String, Object>) handle.get(KafkaServer.CONTROL));
    }

    /** The shared broker's bootstrap servers (started if needed). */
    public static String bootstrapServers() {
        return SharedServers.config(SharedServers.kafka()).get("kafka.bootstrap.servers");
    }

    @Override
    public Map<String, String> start() {
        return SharedServers.config(SharedServers.kafka());
    }

    @Override
    public void stop() {
        // shared by every application start in this JVM; a shutdown hook stops it
    }
}
