package io.teamscpe.devstack.quarkus;

import io.teamscpe.devstack.Ports;
import io.teamscpe.devstack.RepoRoot;
import io.teamscpe.devstack.ServiceProcess;
import io.teamscpe.devstack.Stack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One module's packaged service ({@code target/quarkus-app}, built by {@code package}) as its own JVM, as it runs in
 * production, on the PostgreSQL, Kafka broker and Graph emulator the module's tests use (started in this JVM,
 * stopped when it exits): what a benchmark measures, without the harness in the service's JVM.
 */
public final class BenchmarkedService {
    private BenchmarkedService() {
    }

    /**
     * Starts the service with the shared servers' config plus {@code config}, and waits until it is ready.
     * {@code javaOptions} (e.g. a flight recording, a GC log) go to the service's JVM; blank for none.
     */
    public static ServiceProcess start(String module, Map<String, String> config, String javaOptions) {
        Map<String, String> all = new LinkedHashMap<>(PostgresResource.datasource());
        all.put("kafka.bootstrap.servers", KafkaResource.bootstrapServers());
        all.putAll(GraphEmulatorResource.config(GraphEmulatorResource.emulator()));
        int port = Ports.freePort();
        all.putAll(config);
        Map<String, String> env = new LinkedHashMap<>();
        all.forEach((key, value) -> env.put(Stack.envName(key), value));
        if (javaOptions != null && !javaOptions.isBlank()) {
            env.put("JAVA_TOOL_OPTIONS", javaOptions);
        }
        Path repo = RepoRoot.find();
        ServiceProcess service = ServiceProcess.start(repo, module, port, Ports.freePort(), env,
                repo.resolve(module + "/target/benchmark/" + module + ".log"));
        try {
            service.awaitReady(Duration.ofMinutes(3));
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    /** CPU time the service's JVM has used so far (all threads). */
    public static Duration cpuTime(ServiceProcess service) {
        return ProcessHandle.of(service.pid()).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }
}
