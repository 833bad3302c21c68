package io.teamscpe.attendance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.teamscpe.attendance.Sessions;
import io.teamscpe.devstack.ServiceProcess;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.BenchmarkedService;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.KafkaResource;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.LargeMeeting;
import io.teamscpe.emulator.Scenario;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

/**
 * Ingests a 10,000-attendee meeting (~30,000 intervals, Graph page size 100, no Graph latency) from the emulator
 * into PostgreSQL and Kafka with the packaged service as its own JVM ({@code -Xmx256m}, as it runs in production):
 * from "Refresh data" to the snapshot-completed event acknowledged by Kafka (the record's broker timestamp). Memory:
 * the service's heap after each garbage collection during the fetch (its GC log), for 1,000 vs 10,000 attendees —
 * it must not grow with the meeting. The first fetches are dominated by JIT compilation, so warm-up rounds precede
 * the measured ones ({@code -DwarmUp=}, {@code -Dmeasured=}). Run:
 * {@code ./mvnw -B -o -pl attendance-ingest-service package -DskipTests exec:exec@ingest-benchmark}
 */
public final class IngestProcessBenchmark {
    private static final String PARTICIPANT = "io.teamscpe.attendance.participant.v1";
    private static final Instant START = Instant.parse("2026-10-20T15:00:00Z");
    private static final Duration LENGTH = Duration.ofMinutes(100);

    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ServiceProcess service;
    private final GcLog gc;

    private IngestProcessBenchmark(ServiceProcess service, GcLog gc) {
        this.service = service;
        this.gc = gc;
    }

    public static void main(String[] args) throws Exception {
        int warmUp = Integer.getInteger("warmUp", 5);
        int measured = Integer.getInteger("measured", 5);
        ObjectMapper json = new ObjectMapper();
        GcLog gc = new GcLog(Path.of("target/benchmark/attendance-gc.log").toAbsolutePath());
        List<String> lines = new ArrayList<>();
        // the emulator before the broker's server: the JDK reads sun.net.httpserver.nodelay once, when its first HTTP
        // server starts, and the emulator sets it (the broker first made every Graph page wait on a delayed ACK:
        // reads took 5 s, not 1.4 s); the pom sets it on the command line as well
        GraphEmulatorResource.emulator();
        try (BenchTokenBroker broker = BenchTokenBroker.start(json);
             ServiceProcess service = BenchmarkedService.start("attendance-ingest-service",
                     Map.of("quarkus.rest-client.token-broker.url", broker.url()),
                     gc.javaOption() + " " + System.getProperty("serviceJavaOptions", ""))) {
            IngestProcessBenchmark bench = new IngestProcessBenchmark(service, gc);
            lines.add(bench.run(1_000, "memory baseline"));
            for (int i = 1; i <= warmUp; i++) {
                lines.add(bench.run(10_000, "warm-up " + i));
            }
            for (int i = 1; i <= measured; i++) {
                lines.add(bench.run(10_000, "measured " + i));
            }
        }
        lines.forEach(System.out::println);
        System.exit(0);
    }

    private String run(int attendees, String round) throws IOException, InterruptedException {
        Scenario.Meeting large = LargeMeeting.build("bench-" + attendees, attendees, 42, START, LENGTH);
        Scenario demo = DemoScenario.build();
        Scenario.Tenant t = demo.tenants().get(0);
        List<Scenario.Meeting> meetings = new ArrayList<>(t.meetings());
        meetings.add(large);
        GraphEmulatorResource.emulator().loadScenario(new Scenario(List.of(new Scenario.Tenant(t.id(),
                t.displayName(), t.apps(), t.users(), meetings)), 100, demo.tokenLifetimeSeconds()));
        int intervals = large.attendanceReports().get(0).records().stream().mapToInt(r -> r.intervals().size()).sum();
        String session = Sessions.publishScheduled(json, "provider-1", large.id(), START, START.plus(LENGTH),
                "America/New_York");
        HttpRequest known = HttpRequest.newBuilder(status(session)).header("Authorization", bearer()).GET().build();
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.send(known, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);

        Instant began = Instant.now();
        JsonNode job = refreshUntilReady(session);
        ConsumerRecord<String, String> completed = Sessions.completedSnapshots(session, 1).get(0);
        long millis = completed.timestamp() - began.toEpochMilli();
        long heapMb = gc.maxAfterGcMb(began, Instant.ofEpochMilli(completed.timestamp()));

        int participants = json.readTree(completed.value()).path("participantCount").asInt();
        String snapshot = job.path("snapshotId").asText();
        check(job.path("records").asInt() == attendees, "records " + job.path("records") + " != " + attendees);
        int events = KafkaProbe.await(KafkaResource.server().bootstrapServers(), "cpe.attendance.v1",
                r -> r.key().equals(session) && r.value().contains(snapshot)
                        && PARTICIPANT.equals(KafkaProbe.header(r, "ce_type")), participants, Duration.ofMinutes(2))
                .size();
        check(events == participants, events + " participant events, " + participants + " expected");
        return String.format(Locale.ROOT, "%s: %,d attendees, %,d intervals, %d pages: refresh -> snapshot-completed "
                        + "on Kafka in %,d ms; service heap after GC during the fetch: max %s; service CPU so far %d s",
                round, attendees, intervals, job.path("pages").asInt(), millis,
                heapMb < 0 ? "no GC" : heapMb + " MB", BenchmarkedService.cpuTime(service).toSeconds());
    }

    /** "Refresh data", then the job's status every 500 ms until READY, with the JDK's HTTP client. */
    private JsonNode refreshUntilReady(String session) throws IOException, InterruptedException {
        HttpResponse<String> refreshed = http.send(HttpRequest.newBuilder(URI.create(status(session) + "/refresh"))
                .header("Authorization", bearer()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        check(refreshed.statusCode() == 202, "refresh answered " + refreshed.statusCode() + ": " + refreshed.body());
        HttpRequest poll = HttpRequest.newBuilder(status(session)).header("Authorization", bearer()).GET().build();
        JsonNode[] job = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
            job[0] = json.readTree(http.send(poll, HttpResponse.BodyHandlers.ofString()).body());
            String state = job[0].path("state").asText();
            check(state.equals("FETCHING") || state.equals("READY"), "job " + job[0]);
            return state.equals("READY");
        });
        return job[0];
    }

    private URI status(String session) {
        return URI.create(service.baseUrl() + "/api/sessions/" + session + "/attendance");
    }

    private static String bearer() {
        return "Bearer " + Tokens.admin(Sessions.FIRM);
    }

    private static void check(boolean holds, String otherwise) {
        if (!holds) {
            throw new IllegalStateException(otherwise);
        }
    }
}
