package io.teamscpe.reporting.bench;

import io.teamscpe.devstack.Ports;
import io.teamscpe.devstack.RepoRoot;
import io.teamscpe.devstack.ServiceProcess;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.KafkaResource;
import io.teamscpe.devstack.quarkus.PostgresResource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The packaged reporting-service ({@code target/quarkus-app}, built by {@code package}) as its own JVM, as it runs
 * in production, on the real PostgreSQL, Kafka broker and Graph emulator the module's tests use (started here,
 * stopped when this JVM exits).
 */
final class ReportingProcess implements AutoCloseable {
    private final ServiceProcess service;

    private ReportingProcess(ServiceProcess service) {
        this.service = service;
    }

    static ReportingProcess start() {
        Map<String, String> config = new LinkedHashMap<>(PostgresResource.datasource());
        config.put("kafka.bootstrap.servers", KafkaResource.bootstrapServers());
        config.putAll(GraphEmulatorResource.config(GraphEmulatorResource.emulator()));
        int port = Ports.freePort();
        config.put("quarkus.http.port", String.valueOf(port));
        // the log then says how long each batch of events and each computation of a report took
        config.put("quarkus.log.category.\"io.teamscpe.reporting\".level", "DEBUG");
        Map<String, String> env = new LinkedHashMap<>();
        // MicroProfile Config's environment-variable form of each property
        config.forEach((key, value) -> env.put(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT), value));
        // e.g. -DserviceJavaOptions=-XX:StartFlightRecording=filename=service.jfr to profile the service
        String javaOptions = System.getProperty("serviceJavaOptions", "");
        if (!javaOptions.isBlank()) {
            env.put("JAVA_TOOL_OPTIONS", javaOptions);
        }
        Path repo = RepoRoot.find();
        ServiceProcess service = ServiceProcess.start(repo, "reporting-service", port, env,
                repo.resolve("reporting-service/target/benchmark/reporting-service.log"));
        try {
            service.awaitReady(Duration.ofMinutes(3));
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        return new ReportingProcess(service);
    }

    String baseUrl() {
        return service.baseUrl();
    }

    Path log() {
        return service.log();
    }

    /** CPU time the service's JVM has used so far (all threads). */
    Duration cpuTime() {
        return ProcessHandle.of(service.pid()).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    @Override
    public void close() {
        service.close();
    }
}
