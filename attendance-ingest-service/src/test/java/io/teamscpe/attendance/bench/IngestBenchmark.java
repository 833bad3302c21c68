package io.teamscpe.attendance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.teamscpe.attendance.Sessions;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.KafkaResource;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Ingests a 10,000-attendee meeting (~30,000 intervals, Graph page size 100, no Graph latency) from the emulator
 * into PostgreSQL and Kafka: from "Refresh data" to the snapshot-completed event acknowledged by Kafka (its record
 * timestamp). Memory: the heap left after each garbage collection during the fetch, for 1,000 vs 10,000 attendees
 * (it must not grow with the meeting). Not part of the test suite (the name does not end in Test); run:
 * {@code ./mvnw -B -o -pl attendance-ingest-service test -Dtest=IngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
class IngestBenchmark {
    private static final Logger LOG = Logger.getLogger(IngestBenchmark.class);
    private static final String PARTICIPANT = "io.teamscpe.attendance.participant.v1";

    @Inject
    ObjectMapper json;

    @Test
    void ingestLargeMeetings() {
        List<String> lines = new ArrayList<>();
        for (int attendees : new int[] {1_000, 10_000, 10_000}) {
            lines.add(run(attendees));
        }
        lines.forEach(LOG::info);
    }

    private String run(int attendees) {
        Instant start = Instant.parse("2026-10-20T15:00:00Z");
        Scenario.Meeting large = LargeMeeting.build("bench-" + attendees, attendees, 42, start, Duration.ofMinutes(100));
        Scenario demo = DemoScenario.build();
        Scenario.Tenant t = demo.tenants().get(0);
        List<Scenario.Meeting> meetings = new ArrayList<>(t.meetings());
        meetings.add(large);
        GraphEmulatorResource.emulator().loadScenario(new Scenario(List.of(new Scenario.Tenant(t.id(),
                t.displayName(), t.apps(), t.users(), meetings)), 100, demo.tokenLifetimeSeconds()));
        int intervals = large.attendanceReports().get(0).records().stream().mapToInt(r -> r.intervals().size()).sum();
        String session = Sessions.schedule(json, large.id(), start, start.plus(Duration.ofMinutes(100)));

        System.gc();
        AfterGcHeap heap = new AfterGcHeap();
        heap.start();
        long began = System.currentTimeMillis();
        JsonPath job = Sessions.refreshUntil(session, "READY");
        ConsumerRecord<String, String> completed = Sessions.completedSnapshots(session, 1).get(0);
        heap.stop();
        long millis = completed.timestamp() - began;

        assertThat(job.getInt("records")).isEqualTo(attendees);
        int participants = JsonPath.from(completed.value()).getInt("participantCount");
        String snapshot = job.getString("snapshotId");
        assertThat(KafkaProbe.await(KafkaResource.server().bootstrapServers(), "cpe.attendance.v1",
                r -> r.key().equals(session) && r.value().contains(snapshot)
                        && PARTICIPANT.equals(KafkaProbe.header(r, "ce_type")), participants, Duration.ofMinutes(2)))
                .hasSize(participants);
        return String.format(Locale.ROOT, "%,d attendees, %,d intervals, %d pages: refresh -> snapshot-completed on "
                        + "Kafka in %,d ms; heap after GC during the fetch: max %,d KB", attendees, intervals,
                job.getInt("pages"), millis, heap.max.get() / 1024);
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
