package io.teamscpe.images;

import io.teamscpe.devstack.Stack;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.KafkaResource;
import io.teamscpe.devstack.quarkus.PostgresResource;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a service needs in production, pointed at this JVM's PostgreSQL, Kafka broker and Graph emulator
 * (devstack's shared servers, started on first use): what a pod's environment holds, for runs of the images' own
 * file trees (the start-up archive's training run, the start-up benchmark).
 */
public final class ProductionEnv {
    private ProductionEnv() {
    }

    /** Environment variables; nothing listens at the other services' URLs (a start calls none of them). */
    public static Map<String, String> of(int port, int managementPort) {
        Map<String, String> config = new LinkedHashMap<>(PostgresResource.datasource());
        config.put("kafka.bootstrap.servers", KafkaResource.bootstrapServers());
        config.putAll(GraphEmulatorResource.config(GraphEmulatorResource.emulator()));
        Map<String, String> env = new LinkedHashMap<>();
        config.forEach((key, value) -> env.put(Stack.envName(key), value));
        env.put("TEAMSCPE_CREDENTIAL_SERVICE_URL", "http://localhost:1");
        env.put("TEAMSCPE_ATTENDANCE_SERVICE_URL", "http://localhost:1");
        env.put("TEAMSCPE_POLLING_SERVICE_URL", "http://localhost:1");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        env.put("TEAMSCPE_CREDENTIALS_MASTER_KEY", Base64.getEncoder().encodeToString(key));
        env.put("TEAMSCPE_CREDENTIALS_SITE_BASE_URL", "https://cpe.firm.test");
        env.put("TEAMSCPE_CREDENTIALS_LMS_OUTCOME_URL", "https://lms.firm.test/outcome");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        return env;
    }
}
