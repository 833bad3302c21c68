package io.teamscpe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.devstack.RepoRoot;
import io.teamscpe.devstack.ServiceProcess;
import io.teamscpe.devstack.Stack;
import io.teamscpe.devstack.demo.Api;
import io.teamscpe.devstack.demo.DemoFlow;
import io.teamscpe.devstack.demo.SessionSteps;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.emulator.faults.FaultKind;
import io.teamscpe.emulator.faults.FaultPlan;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every metric the chart's alerts and Grafana dashboard query is exposed by a running service: after the demo
 * (Graph calls, an attendance ingestion, Completion reports) and a "Refresh data" that Graph throttles (so retries
 * are counted) and a poison record parked on a dead-letter topic, the union of the five services' /q/metrics holds
 * every name (kube_* and up aside).
 */
@ExtendWith(SharedStack.class)
class MonitoringMetricsTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyMetricAnAlertOrADashboardPanelNamesIsExposed() {
        Stack stack = SharedStack.stack();
        DemoFlow.Result demo = DemoFlow.execute(stack.endpoints(), stack.emulator());
        refreshWhileGraphThrottles(stack, demo.sessionId());
        deadLetterAPoisonRecord(stack, demo.sessionId());
        Map<String, Set<String>> named = MonitoredMetrics.named(RepoRoot.find());
        assertThat(named).hasSizeGreaterThan(20);

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(MonitoredMetrics.missing(named, exposedByEveryService(stack))).isEmpty());
    }

    private static void refreshWhileGraphThrottles(Stack stack, String sessionId) {
        Api api = new Api(new ObjectMapper().findAndRegisterModules(), DemoFlow.adminToken(stack.emulator()));
        stack.emulator().faults(FaultPlan.of(0.5, 23).withKinds(FaultKind.HTTP_429));
        try {
            new SessionSteps(api, stack.endpoints(), sessionId).refreshAttendance();
            assertThat(stack.emulator().faultStats().faults(FaultKind.HTTP_429)).isPositive();
        } finally {
            stack.emulator().clearFaults();
        }
    }

    /** A record no consumer can parse, so a service has sent to a dead-letter topic. */
    private static void deadLetterAPoisonRecord(Stack stack, String sessionId) {
        String bootstrap = stack.endpoints().kafkaBootstrapServers();
        String id = "metrics-poison-" + sessionId;
        KafkaProbe.send(bootstrap, "cpe.attendance.v1", sessionId, "{\"not\": \"an attendance event\"",
                Map.of("ce_id", id, "ce_type", "io.teamscpe.attendance.participant.v1", "ce_source", "/e2e",
                        "ce_specversion", "1.0"));
        assertThat(KafkaProbe.await(bootstrap, "cpe.attendance.v1.dlt", r -> KafkaProbe.header(r, "ce_id").equals(id),
                1, Duration.ofSeconds(60))).isNotEmpty();
    }

    private static Set<String> exposedByEveryService(Stack stack) throws IOException, InterruptedException {
        Set<String> names = new TreeSet<>();
        for (ServiceProcess service : stack.services()) {
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(service.managementUrl()
                    + "/q/metrics")).timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).as(service.module() + " /q/metrics").isEqualTo(200);
            names.addAll(MonitoredMetrics.exposed(metrics.body()));
        }
        // for a failure's reader: what the services do expose
        Files.write(Path.of("target", "exposed-metrics.txt"), names);
        return names;
    }
}
