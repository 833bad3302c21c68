package io.teamscpe.reporting.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.reporting.Feed;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * The Completion report of a 1,000-participant session (12 polls) under load, and how soon a new attendance
 * snapshot shows in it. Targets: p99 ≤ 50 ms with 20 concurrent clients; event to report ≤ 2 s. Starts PostgreSQL,
 * Kafka and the Graph emulator, runs the packaged service as its own JVM and feeds it through Kafka. Run:
 * {@code ./mvnw -B -o -pl reporting-service package -DskipTests exec:exec@completion-benchmark}
 * (system properties {@code participants}, {@code clients}, {@code requests} per client, {@code snapshots}).
 */
public final class CompletionBenchmark {
    private static final String FIRM = "firm-benchmark";

    private CompletionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int participants = Integer.getInteger("participants", 1000);
        int clients = Integer.getInteger("clients", 20);
        int requests = Integer.getInteger("requests", 100);
        int snapshots = Integer.getInteger("snapshots", 5);
        ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        try (ReportingProcess service = ReportingProcess.start()) {
            Feed feed = new Feed(FIRM, json);
            LargeSession session = new LargeSession(feed, participants);
            // the whole report on one page (rows are paged, 100 by default; 1,000 at most): what the figures measure
            URI completion = URI.create(service.baseUrl() + "/api/sessions/" + feed.sessionId + "/completion?size="
                    + Math.min(participants, 1000));
            HttpClient http = HttpClient.newHttpClient();
            String token = Tokens.admin(FIRM);

            long t0 = System.nanoTime();
            session.sessionAndRoster();
            session.attendees(1);
            String snapshot = feed.publishAttendance();
            session.polls(2);
            String report = awaitReport(http, completion, token, body -> body.contains(snapshot)
                    && body.contains("\"pollsIncluded\":" + LargeSession.POLLS)
                    && body.contains("\"enrolled\":" + participants));
            int rows = json.readTree(report).get("rows").size();
            System.out.printf("fed %,d enrollments, %,d attendance events and %d polls; report ready after %.1f s: "
                            + "%,d rows, %,d KB of JSON%n", participants, participants, LargeSession.POLLS,
                    (System.nanoTime() - t0) / 1e9, rows, report.length() / 1024);

            System.out.println("warm-up:  " + LoadClients.run(completion, clients, requests / 2,
                    () -> Tokens.admin(FIRM), true));
            for (boolean gzip : new boolean[] {true, false}) {
                Duration serviceCpu = service.cpuTime();
                Duration ownCpu = ownCpuTime();
                LoadClients.Figures load = LoadClients.run(completion, clients, requests, () -> Tokens.admin(FIRM),
                        gzip);
                System.out.printf("completion report, %d concurrent clients, %s: %s%n", clients,
                        gzip ? "Accept-Encoding: gzip (browsers, gateways)" : "uncompressed", load);
                System.out.printf("CPU per request: service %.2f ms, clients %.2f ms (on a machine that also runs "
                                + "PostgreSQL and Kafka; load average %s)%n",
                        service.cpuTime().minus(serviceCpu).toNanos() / 1e6 / load.requests(),
                        ownCpuTime().minus(ownCpu).toNanos() / 1e6 / load.requests(), loadAverage());
            }
            // 20 admins' screens refreshing the report: each asks every 200 ms (100 requests/s in all)
            Duration pace = Duration.ofMillis(Integer.getInteger("paceMillis", 200));
            // the JIT recompiles for this pattern for a while (a C2 thread took a quarter of the machine during
            // the first paced run after the back-to-back ones): half a run at the same pace comes first
            System.out.println("paced warm-up: " + LoadClients.run(completion, clients, requests / 2,
                    () -> Tokens.admin(FIRM), true, pace));
            Duration serviceCpu = service.cpuTime();
            LoadClients.Figures paced = LoadClients.run(completion, clients, requests, () -> Tokens.admin(FIRM), true,
                    pace);
            System.out.printf("completion report, %d clients each asking every %d ms (gzip): %s; service CPU per "
                            + "request %.2f ms%n", clients, pace.toMillis(), paced,
                    service.cpuTime().minus(serviceCpu).toNanos() / 1e6 / paced.requests());
            // the floor of this machine and stack: the same load on an endpoint that does nothing
            System.out.printf("floor, GET /q/health/live, %d concurrent clients: %s%n", clients, LoadClients.run(
                    URI.create(service.managementUrl() + "/q/health/live"), clients, requests, () -> Tokens.admin(FIRM)));

            double[] fromLast = new double[snapshots];
            for (int run = 0; run < snapshots; run++) {
                session.attendees(100 + run);
                long first = System.nanoTime();
                Feed.StagedSnapshot staged = feed.stageAttendance();
                long last = System.nanoTime();
                feed.completeAttendance(staged);
                awaitReport(http, completion, token, body -> body.contains(staged.id()));
                long seen = System.nanoTime();
                fromLast[run] = (seen - last) / 1e6;
                System.out.printf("snapshot %d (%,d participant events + completed): in the report %.0f ms after "
                        + "the last event was sent, %.0f ms after the first%n", run + 1, staged.participants(),
                        fromLast[run], (seen - first) / 1e6);
            }
            Arrays.sort(fromLast);
            if (snapshots > 0) {
                System.out.printf("event to report: median %.0f ms over %d snapshots (best %.0f, worst %.0f)%n",
                        fromLast[snapshots / 2], snapshots, fromLast[0], fromLast[snapshots - 1]);
            }
        }
        System.exit(0);
    }

    private static Duration ownCpuTime() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static String loadAverage() {
        return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** GETs the report until {@code ready} holds (a measurement loop: its 10 ms pause is its resolution). */
    private static String awaitReport(HttpClient http, URI uri, String token, Predicate<String> ready)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && ready.test(response.body())) {
                return response.body();
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the report was not ready within 5 minutes");
    }
}
