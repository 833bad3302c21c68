package io.teamscpe.reporting.bench;

import io.teamscpe.devstack.ServiceProcess;
import io.teamscpe.devstack.quarkus.BenchmarkedService;
import java.time.Duration;
import java.util.Map;

/** The packaged reporting-service as its own JVM on the tests' servers ({@link BenchmarkedService}). */
final class ReportingProcess implements AutoCloseable {
    private final ServiceProcess service;

    private ReportingProcess(ServiceProcess service) {
        this.service = service;
    }

    static ReportingProcess start() {
        // the log then says how long each batch of events and each computation of a report took;
        // e.g. -DserviceJavaOptions=-XX:StartFlightRecording=filename=service.jfr to profile the service
        return new ReportingProcess(BenchmarkedService.start("reporting-service",
                Map.of("quarkus.log.category.\"io.teamscpe.reporting\".level", "DEBUG"),
                System.getProperty("serviceJavaOptions", "")));
    }

    String baseUrl() {
        return service.baseUrl();
    }

    String managementUrl() {
        return service.managementUrl();
    }

    /** CPU time the service's JVM has used so far (all threads). */
    Duration cpuTime() {
        return BenchmarkedService.cpuTime(service);
    }

    @Override
    public void close() {
        service.close();
    }
}
