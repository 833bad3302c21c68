package io.teamscpe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.teamscpe.contracts.Topics;
import io.teamscpe.devstack.RepoRoot;
import io.teamscpe.devstack.ServiceProcess;
import io.teamscpe.devstack.Stack;
import io.teamscpe.devstack.Stack.Service;
import io.teamscpe.devstack.demo.Api;
import io.teamscpe.devstack.demo.CreditEvent;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.faults.FaultPlan;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A conference day under faults: 60 sessions of 300 enrolled professionals, six Forms polls each, on a stack of its
 * own (random ports, durable PostgreSQL) with two replicas of attendance-ingest, polling and reporting. After
 * "Refresh data" for every session, while attendance is fetched and the polls are uploaded and consumed, it kills
 * the Kafka broker ({@code kill -9}) and starts it again on the same port, stops PostgreSQL immediately ({@code
 * pg_ctl stop -m immediate}) and starts it again, kills one replica of each consumer service ({@code kill -9}) and
 * starts it again, and lets whichever attendance-ingest replica relays its second outbox batch halt itself between
 * Kafka's acknowledgement and the commit that marks it sent ({@code teamscpe.outbox.halt-after-send}; only one
 * replica relays at a time), kills the other one, and restarts both.
 *
 * <p>Then every session's Completion report must equal the fault-free result, professional by professional
 * (minutes present, polls answered, credit). The expected values are computed here from the generated attendance
 * and polls, by the ruleset's rules ({@link ExpectedCredit}: the same independent computation the demo's credit is
 * checked against in {@link EndToEndTest}), rather than from a fault-free reference set of sessions in the same
 * stack: a reference set would double the load (and the test's time) on a 2-core machine, would share the faults
 * anyway, and could only show that two runs agree, not that either is right. "Process CPE" must then put on
 * cpe.credits.v1 exactly one award per professional, session and processing run (copies re-sent by a relay carry
 * the same event id), for every professional and with the expected credit; no outbox row may be left unsent in
 * any schema, no dead-letter topic may hold a record, and every replica must have applied part of the events.
 */
class ConferenceDayFaultTest {
    private static final int SESSIONS = 60;
    private static final int ATTENDEES = 300;
    private static final String HALT = "TEAMSCPE_OUTBOX_HALT_AFTER_SEND";
    /** attendance-ingest: a stalled fetch (its replica died) is taken over quickly; no automatic fetch by time. */
    private static final Map<String, String> ATTENDANCE_ENV = Map.of(
            "TEAMSCPE_ATTENDANCE_SCHEDULER_INTERVAL", "3s",
            "TEAMSCPE_ATTENDANCE_HEARTBEAT_INTERVAL", "3s",
            "TEAMSCPE_ATTENDANCE_STALE_FETCH", "PT15S",
            "TEAMSCPE_ATTENDANCE_TRANSIENT_RETRY_DELAY", "PT3S",
            "TEAMSCPE_ATTENDANCE_FIRST_FETCH_DELAY", "P3650D");
    private static Stack stack;
    private static List<ConferenceDay.Session> day;
    private static ReplicaMetrics metrics;

    @BeforeAll
    static void start() {
        Path root = RepoRoot.find();
        Map<String, String> hooked = new HashMap<>(ATTENDANCE_ENV);
        hooked.put(HALT, "2");
        Map<String, Map<String, String>> replicaEnv = Map.of(
                Service.ATTENDANCE.module() + "#0", hooked,
                Service.ATTENDANCE.module() + "#1", hooked);
        var config = new Stack.Config(root, root.resolve("e2e/target/conference-day-" + ProcessHandle.current().pid()),
                Stack.Ports.random(), false, Duration.ofMinutes(5),
                Map.of(Service.ATTENDANCE, 2, Service.POLLING, 2, Service.REPORTING, 2), replicaEnv);
        // the day's data (360 XLSX files among it) is generated while the stack starts
        var starting = CompletableFuture.supplyAsync(() -> Stack.start(config), r -> new Thread(r, "stack").start());
        day = ConferenceDay.build(SESSIONS, ATTENDEES);
        stack = starting.join();
        day.forEach(s -> stack.emulator().edits().addMeeting(DemoScenario.TENANT_ID, s.meeting()));
        List<ServiceProcess> consumers = new ArrayList<>();
        for (Service s : List.of(Service.ATTENDANCE, Service.POLLING, Service.REPORTING)) {
            consumers.addAll(stack.replicas(s));
        }
        metrics = new ReplicaMetrics(consumers);
    }

    @AfterAll
    static void stop() {
        if (metrics != null) {
            metrics.close();
        }
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    @Timeout(value = 12, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aConferenceDaySurvivesCrashesOfTheBrokerTheDatabaseAndReplicas() throws Exception {
        long began = System.nanoTime();
        ConferenceDayDriver driver = new ConferenceDayDriver(stack);
        Map<String, List<Api.Upload>> files = new ConcurrentHashMap<>();
        var generating = CompletableFuture.runAsync(() -> day.parallelStream().forEach(s ->
                files.put(s.title(), ConferenceDayDriver.uploads(s.polls()))));
        List<String> ids = driver.createSessions(day);
        IntStream.range(0, SESSIONS).parallel().forEach(i -> driver.enroll(ids.get(i), day.get(i)));
        ids.parallelStream().forEach(driver::awaitKnownToAttendance);
        generating.join();
        log("%d sessions created and enrolled (%,d professionals) in %d s", SESSIONS, SESSIONS * ATTENDEES,
                seconds(began));

        // the day ends: "Refresh data" everywhere, the polls come in, and everything fails once; Graph answers
        // after 100 ms, so that the fetches are still running when the faults begin
        stack.emulator().faults(FaultPlan.none().withLatency(Duration.ofMillis(100)));
        ids.parallelStream().forEach(driver::refresh);
        var faults = CompletableFuture.runAsync(new FaultSchedule(stack, ATTENDANCE_ENV, HALT),
                r -> new Thread(r, "faults").start());
        IntStream.range(0, SESSIONS).parallel()
                .forEach(i -> driver.uploadPolls(ids.get(i), files.get(day.get(i).title())));
        log("refresh triggered and polls uploaded at %d s", seconds(began));
        faults.join();
        log("faults done at %d s", seconds(began));

        Map<String, ConferenceDay.Session> byId = new LinkedHashMap<>();
        IntStream.range(0, SESSIONS).forEach(i -> byId.put(ids.get(i), day.get(i)));
        Map<String, JsonNode> reports = awaitCompletionReports(driver, byId);
        log("every Completion report complete at %d s", seconds(began));
        for (var entry : byId.entrySet()) {
            assertThat(rows(reports.get(entry.getKey()))).as(entry.getValue().title())
                    .isEqualTo(entry.getValue().expected());
        }

        Map<String, Integer> runs = new TreeMap<>();
        ids.parallelStream().forEach(id -> {
            JsonNode processed = driver.process(id);
            synchronized (runs) {
                runs.put(id, processed.path("run").asInt());
            }
        });
        assertCredits(byId, runs);
        assertNoOutboxRowUnsent();
        assertDeadLetterTopicsEmpty();
        assertEveryReplicaWorked(driver);
        log("done in %d s", seconds(began));
    }

    /** Waits until every report reflects the roster, the attendance snapshot and six polls, and equals the expected. */
    private static Map<String, JsonNode> awaitCompletionReports(ConferenceDayDriver driver,
                                                                Map<String, ConferenceDay.Session> sessions) {
        Map<String, JsonNode> done = new ConcurrentHashMap<>();
        Map<String, String> snapshots = new ConcurrentHashMap<>();
        Map<String, String> lastSeen = new ConcurrentHashMap<>();
        try {
            Awaitility.await("every Completion report").atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(2)).until(() -> {
                        sessions.keySet().parallelStream().filter(id -> !done.containsKey(id)).forEach(id -> {
                            String snapshot = snapshots.computeIfAbsent(id, k -> {
                                JsonNode a = driver.attendanceStatus(k);
                                return a.path("state").asText().equals("READY") ? a.path("snapshotId").asText() : "";
                            });
                            if (snapshot.isEmpty()) {
                                snapshots.remove(id);
                                lastSeen.put(id, "attendance not READY");
                                return;
                            }
                            JsonNode c = driver.completionNow(id);
                            if (c == null) {
                                return;
                            }
                            JsonNode f = c.path("freshness");
                            boolean complete = snapshot.equals(f.path("attendanceSnapshotId").asText())
                                    && f.path("enrolled").asInt() == ATTENDEES && f.path("pollsIncluded").asInt() == 6
                                    && rows(c).equals(sessions.get(id).expected());
                            lastSeen.put(id, f.toString());
                            if (complete) {
                                done.put(id, c);
                            }
                        });
                        return done.size() == sessions.size();
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Map<String, String> missing = new TreeMap<>(lastSeen);
            missing.keySet().retainAll(sessions.keySet().stream().filter(id -> !done.containsKey(id)).toList());
            throw new AssertionError(missing.size() + " report(s) never matched; last seen: " + missing, e);
        }
        return done;
    }

    /** The enrolled rows of a report: lmsId → minutes present, polls answered, final credit. */
    static Map<String, ConferenceDay.Expected> rows(JsonNode completion) {
        Map<String, ConferenceDay.Expected> rows = new LinkedHashMap<>();
        for (JsonNode row : completion.path("rows")) {
            if (row.path("matchStatus").asText().equals("ENROLLED")) {
                rows.put(row.path("participantId").asText(), new ConferenceDay.Expected(
                        row.path("minutesPresent").asLong(), row.path("pollsAnswered").asInt(),
                        row.path("finalCredit").decimalValue()));
            }
        }
        return rows;
    }

    private static void assertCredits(Map<String, ConferenceDay.Session> sessions, Map<String, Integer> runs) {
        String bootstrap = stack.endpoints().kafkaBootstrapServers();
        int expected = sessions.size() * ATTENDEES;
        KafkaProbe.await(bootstrap, Topics.CREDITS, r -> runs.containsKey(r.key()), expected, Duration.ofMinutes(3));
        List<ConsumerRecord<String, String>> credits = TopicDump.read(bootstrap, Topics.CREDITS);
        // (session, professional, run) → distinct event ids
        Map<String, Set<String>> ids = new HashMap<>();
        Map<String, CreditEvent> events = new HashMap<>();
        int copies = 0;
        for (ConsumerRecord<String, String> r : credits) {
            CreditEvent e = CreditEvent.of(r);
            assertThat(e.type()).as("only awards on a first processing").isEqualTo(CreditEvent.AWARDED);
            String key = r.key() + "/" + e.professionalId() + "/" + e.processingRun();
            if (!ids.computeIfAbsent(key, k -> new HashSet<>()).add(KafkaProbe.header(r, "ce_id"))) {
                copies++;
            }
            events.put(key, e);
        }
        for (var s : sessions.entrySet()) {
            int run = runs.get(s.getKey());
            for (var a : s.getValue().expected().entrySet()) {
                String key = s.getKey() + "/" + a.getKey() + "/" + run;
                assertThat(ids.get(key)).as("awards of " + key).hasSize(1);
                assertThat(events.get(key).award().path("credits").decimalValue()).as(key)
                        .isEqualByComparingTo(a.getValue().credit());
            }
        }
        assertThat(ids).as("awards for professionals or runs nobody processed").hasSize(expected);
        log("cpe.credits.v1: %,d records, %,d distinct awards, %,d re-sent copies", credits.size(), ids.size(),
                copies);
    }

    private static void assertNoOutboxRowUnsent() {
        Map<String, Long> unsent = new TreeMap<>();
        Awaitility.await("every outbox row sent").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> {
                    unsent.clear();
                    try (Connection c = stack.postgres().connect(); Statement st = c.createStatement();
                         ResultSet schemas = st.executeQuery("select table_schema from information_schema.tables "
                                 + "where table_name = 'outbox_event'")) {
                        List<String> names = new ArrayList<>();
                        while (schemas.next()) {
                            names.add(schemas.getString(1));
                        }
                        for (String schema : names) {
                            try (Statement q = c.createStatement(); ResultSet rs = q.executeQuery(
                                    "select count(*) from " + schema + ".outbox_event where sent_at is null")) {
                                rs.next();
                                unsent.put(schema, rs.getLong(1));
                            }
                        }
                    }
                    return unsent.size() == 5 && unsent.values().stream().allMatch(n -> n == 0);
                });
        log("unsent outbox rows per schema: %s", unsent);
    }

    private static void assertDeadLetterTopicsEmpty() {
        Map<String, Integer> dead = new TreeMap<>();
        for (String topic : Topics.ALL) {
            dead.put(Topics.deadLetter(topic), TopicDump.read(stack.endpoints().kafkaBootstrapServers(),
                    Topics.deadLetter(topic)).size());
        }
        log("dead-letter topics: %s", dead);
        assertThat(dead.values()).allMatch(n -> n == 0);
    }

    private static void assertEveryReplicaWorked(ConferenceDayDriver driver) {
        metrics.readAll();
        String bootstrap = stack.endpoints().kafkaBootstrapServers();
        for (String topic : List.of(Topics.SESSIONS, Topics.ATTENDANCE, Topics.POLLS)) {
            List<ConsumerRecord<String, String>> records = TopicDump.read(bootstrap, topic);
            long distinct = records.stream().map(r -> KafkaProbe.header(r, "ce_id")).distinct().count();
            log("%s: %,d records, %,d distinct events, %,d copies re-sent by a relay", topic, records.size(), distinct,
                    records.size() - distinct);
        }
        log("events applied once per consumer (inbox rows): %s", inboxRows());
        log("%-30s %5s %10s %10s %10s %8s", "replica", "lives", "applied", "duplicate", "skipped", "retries");
        for (Service s : List.of(Service.ATTENDANCE, Service.POLLING, Service.REPORTING)) {
            for (ServiceProcess replica : stack.replicas(s)) {
                log("%-30s %5d %,10d %,10d %,10d %,8d", ReplicaMetrics.name(replica), metrics.incarnations(replica),
                        metrics.total(replica, "applied"), metrics.total(replica, "duplicate"),
                        metrics.total(replica, "skipped"), metrics.total(replica, "retries"));
            }
        }
        for (ServiceProcess replica : stack.replicas(Service.ATTENDANCE)) {
            log("%s fetched attendance of %d session(s) (its log)", ReplicaMetrics.name(replica),
                    FaultSchedule.fetchesIn(replica));
        }
        log("API calls the driver tried again (replica, database or broker away): %d", driver.retriedCalls.get());
        for (Service s : List.of(Service.ATTENDANCE, Service.POLLING, Service.REPORTING)) {
            for (ServiceProcess replica : stack.replicas(s)) {
                assertThat(metrics.total(replica, "applied")).as(ReplicaMetrics.name(replica) + " applied events")
                        .isPositive();
            }
        }
    }

    /** The inbox's rows per schema: every event each service applied, exactly once. */
    private static Map<String, Long> inboxRows() {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection c = stack.postgres().connect(); Statement st = c.createStatement()) {
            for (String schema : List.of("attendance", "polling", "reporting")) {
                try (ResultSet rs = st.executeQuery("select count(*) from " + schema + ".processed_event")) {
                    rs.next();
                    rows.put(schema, rs.getLong(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000L;
    }

    static void log(String format, Object... args) {
        System.out.printf("[conference-day] " + format + "%n", args);
    }
}
