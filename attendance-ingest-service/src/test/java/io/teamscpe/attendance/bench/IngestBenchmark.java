package io.teamscpe.attendance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.teamscpe.attendance.Sessions;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.KafkaResource;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.LargeMeeting;
import io.teamscpe.emulator.Scenario;
import jakarta.inject.Inject;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Ingests a 10,000-attendee meeting (~30,000 intervals, Graph page size 100, no Graph latency) from the emulator
 * into PostgreSQL and Kafka: from "Refresh data" to the snapshot-completed event acknowledged by Kafka (its record
 * timestamp). Memory: the heap left after each garbage collection during the fetch, for 1,000 vs 10,000 attendees
 * (it must not grow with the meeting). The first fetches of a fresh JVM are dominated by JIT compilation (a core
 * of the two), so eight warm-up rounds precede five measured ones ({@code -DwarmUp=}, {@code -Dmeasured=}); the
 * JIT still compiles 2-3 s per round after 13 rounds. Not part of the test suite (the name does
 * not end in Test); run:
 * {@code ./mvnw -B -o -pl attendance-ingest-service test -Dtest=IngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
class IngestBenchmark {
    private static final Logger LOG = Logger.getLogger(IngestBenchmark.class);
    private static final String PARTICIPANT = "io.teamscpe.attendance.participant.v1";

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Rounds before the measured ones: the JIT compiles the service's paths during the first fetches. */
    private static final int WARM_UP = Integer.getInteger("warmUp", 8);
    private static final int MEASURED = Integer.getInteger("measured", 5);

    @Test
    void ingestLargeMeetings() throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        lines.add(run(1_000, "memory baseline"));
        for (int i = 1; i <= WARM_UP; i++) {
            lines.add(run(10_000, "warm-up " + i));
        }
        for (int i = 1; i <= MEASURED; i++) {
            lines.add(run(10_000, "measured " + i));
        }
        lines.forEach(LOG::info);
    }

    private String run(int attendees, String round) throws IOException, InterruptedException {
        Instant start = Instant.parse("2026-10-20T15:00:00Z");
        Scenario.Meeting large = LargeMeeting.build("bench-" + attendees, attendees, 42, start,
                Duration.ofMinutes(100));
        Scenario demo = DemoScenario.build();
        Scenario.Tenant t = demo.tenants().get(0);
        List<Scenario.Meeting> meetings = new ArrayList<>(t.meetings());
        meetings.add(large);
        GraphEmulatorResource.emulator().loadScenario(new Scenario(List.of(new Scenario.Tenant(t.id(),
                t.displayName(), t.apps(), t.users(), meetings)), 100, demo.tokenLifetimeSeconds()));
        int intervals = large.attendanceReports().get(0).records().stream().mapToInt(r -> r.intervals().size()).sum();
        String session = Sessions.publishScheduled(json, "provider-1", large.id(), start,
                start.plus(Duration.ofMinutes(100)), "America/New_York");
        HttpRequest known = HttpRequest.newBuilder(status(session)).header("Authorization", bearer()).GET().build();
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.send(known, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);

        System.gc();
        AfterGcHeap heap = new AfterGcHeap();
        heap.start();
        long compiling = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long began = System.currentTimeMillis();
        JsonNode job = refreshUntilReady(session);
        ConsumerRecord<String, String> completed = Sessions.completedSnapshots(session, 1).get(0);
        heap.stop();
        long millis = completed.timestamp() - began;

        assertThat(job.path("records").asInt()).isEqualTo(attendees);
        int participants = json.readTree(completed.value()).path("participantCount").asInt();
        String snapshot = job.path("snapshotId").asText();
        assertThat(KafkaProbe.await(KafkaResource.server().bootstrapServers(), "cpe.attendance.v1",
                r -> r.key().equals(session) && r.value().contains(snapshot)
                        && PARTICIPANT.equals(KafkaProbe.header(r, "ce_type")), participants, Duration.ofMinutes(2)))
                .hasSize(participants);
        long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compiling;
        return String.format(Locale.ROOT, "%s: %,d attendees, %,d intervals, %d pages: refresh -> snapshot-completed "
                        + "on Kafka in %,d ms; heap after GC during the fetch: max %,d KB; JIT compiling %,d ms",
                round, attendees, intervals, job.path("pages").asInt(), millis, heap.max.get() / 1024, jit);
    }

    /**
     * "Refresh data", then the job's status every 500 ms until READY, with the JDK's HTTP client and Jackson (REST
     * Assured's Groovy compiles code on every call, which kept the JIT busy; no round uses it): the harness stays
     * light while it measures (the figure is the broker's timestamp of the completed event, not when a poll sees it).
     */
    private JsonNode refreshUntilReady(String session) throws IOException, InterruptedException {
        String token = bearer();
        URI status = status(session);
        HttpResponse<String> refreshed = http.send(HttpRequest.newBuilder(URI.create(status + "/refresh"))
                .header("Authorization", token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(202);
        HttpRequest poll = HttpRequest.newBuilder(status).header("Authorization", token).GET().build();
        JsonNode[] job = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
            job[0] = json.readTree(http.send(poll, HttpResponse.BodyHandlers.ofString()).body());
            assertThat(job[0].path("state").asText()).isIn("FETCHING", "READY");
            return "READY".equals(job[0].path("state").asText());
        });
        return job[0];
    }

    private static URI status(String session) {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/sessions/" + session + "/attendance");
    }

    private static String bearer() {
        return "Bearer " + Tokens.admin(Sessions.FIRM);
    }

    /** Records the heap left after every garbage collection (GC notifications) until stopped. */
    private static final class AfterGcHeap implements NotificationListener {
        final AtomicLong max = new AtomicLong();
        private final List<NotificationEmitter> emitters = new ArrayList<>();

        void start() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(this, null, null);
                    emitters.add(emitter);
                }
            }
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(e -> !e.getKey().contains("Metaspace") && !e.getKey().contains("Code")
                            && !e.getKey().contains("Compressed"))
                    .mapToLong(e -> e.getValue().getUsed()).sum();
            max.accumulateAndGet(used, Math::max);
        }

        void stop() {
            for (NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(this);
                } catch (ListenerNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
