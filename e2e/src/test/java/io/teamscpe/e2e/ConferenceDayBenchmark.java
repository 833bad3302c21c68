package io.teamscpe.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.teamscpe.devstack.RepoRoot;
import io.teamscpe.devstack.ServiceProcess;
import io.teamscpe.devstack.Stack;
import io.teamscpe.devstack.Stack.Service;
import io.teamscpe.devstack.demo.Api;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.faults.FaultPlan;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;

/**
 * The conference day of {@link ConferenceDayFaultTest} without faults, timed: 60 sessions × 300 enrolled
 * professionals, six Forms polls each, the Graph emulator answering every Graph request after 150 ms. Measured from
 * the moment the sessions end — "Refresh data" triggered for all of them, the polls uploaded meanwhile — to the moment
 * every Completion report reflects every attendee and poll (equal to the expected credit, professional by
 * professional). Runs once per replica count of {@code -Dreplicas=1,2} (attendance-ingest, polling and reporting;
 * one credential and one session service), each on a fresh stack, and prints the CPU each process used meanwhile.
 * Run: {@code ./mvnw -B -o -pl e2e test-compile exec:exec@conference-day-benchmark} (services packaged before);
 * {@code -Djfr=<absolute dir>} records a Flight Recorder profile of the first replica of each consumer service there;
 * {@code -Dwarmup=N} first runs an unmeasured day of N other sessions on the same stack (the services then run
 * JIT-compiled code, as replicas that have served a while do; without it they are measured cold, just started).
 */
public final class ConferenceDayBenchmark {
    private static final Duration GRAPH_LATENCY = Duration.ofMillis(150);
    /**
     * Administrators at work at once when the sessions end, each clicking "Refresh data" and uploading a session's
     * polls (a parallel stream would be one or two on a 2-core machine: the driver, not the product, would set
     * the pace).
     */
    private static final int ADMINS = 12;

    private ConferenceDayBenchmark() {
    }

    public static void main(String[] args) {
        int sessions = Integer.getInteger("sessions", 60);
        int attendees = Integer.getInteger("attendees", 300);
        List<Integer> replicaCounts = Arrays.stream(System.getProperty("replicas", "1,2").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int warmUp = Integer.getInteger("warmup", 0);
        List<ConferenceDay.Session> all = ConferenceDay.build(sessions + warmUp, attendees);
        Map<String, List<Api.Upload>> files = new ConcurrentHashMap<>();
        all.parallelStream().forEach(s -> files.put(s.title(), ConferenceDayDriver.uploads(s.polls())));
        List<String> results = new ArrayList<>();
        for (int replicas : replicaCounts) {
            results.add(run(all.subList(0, sessions), all.subList(sessions, all.size()), files, replicas));
        }
        System.out.println();
        results.forEach(System.out::println);
        System.exit(0);
    }

    private static String run(List<ConferenceDay.Session> day, List<ConferenceDay.Session> warmUp,
                              Map<String, List<Api.Upload>> files, int replicas) {
        Path root = RepoRoot.find();
        Map<String, Map<String, String>> replicaEnv = new HashMap<>();
        for (int i = 0; i < replicas; i++) {
            // no automatic fetch by the clock: the measured "Refresh data" is the only one
            replicaEnv.put(Service.ATTENDANCE.module() + "#" + i, new HashMap<>(Map.of(
                    "TEAMSCPE_ATTENDANCE_FIRST_FETCH_DELAY", "P3650D")));
        }
        String jfr = System.getProperty("jfr", "");
        if (!jfr.isBlank()) {
            for (Service s : List.of(Service.ATTENDANCE, Service.POLLING, Service.REPORTING)) {
                replicaEnv.computeIfAbsent(s.module() + "#0", k -> new HashMap<>()).put("JAVA_TOOL_OPTIONS",
                        // 256 frames deep: at JFR's default of 64, Quarkus's stacks lose their roots
                        "-XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=filename=" + jfr + "/"
                                + s.module() + "-" + replicas + ".jfr,settings=profile,dumponexit=true");
            }
        }
        var config = new Stack.Config(root, root.resolve("e2e/target/conference-day-benchmark-" + replicas),
                Stack.Ports.random(), false, Duration.ofMinutes(5),
                Map.of(Service.ATTENDANCE, replicas, Service.POLLING, replicas, Service.REPORTING, replicas),
                replicaEnv);
        try (Stack stack = Stack.start(config)) {
            ConferenceDayDriver driver = new ConferenceDayDriver(stack);
            List<String> warmIds = prepare(stack, driver, warmUp);
            List<String> ids = prepare(stack, driver, day);
            stack.emulator().faults(FaultPlan.none().withLatency(GRAPH_LATENCY));
            if (!warmUp.isEmpty()) {
                endOfDay(driver, warmIds, warmUp, files);
                awaitComplete(driver, warmIds, warmUp, System.nanoTime());
            }
            settle(stack);
            Map<String, Duration> cpuBefore = cpu(stack);

            long t0 = System.nanoTime();
            long[] at = endOfDay(driver, ids, day, files);
            long refreshed = at[0];
            long uploaded = at[1];
            Map<String, Long> completeAt = awaitComplete(driver, ids, day, t0);
            long t1 = System.nanoTime();
            Map<String, Duration> cpuAfter = cpu(stack);

            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d replica(s) of attendance-ingest, "
                            + "polling and reporting: %d sessions × %d attendees, Graph latency %d ms: every "
                            + "Completion report complete %,d ms after the refresh (all refreshes accepted at %,d ms, "
                            + "all polls uploaded at %,d ms; first report complete at %,d ms, median %,d ms); "
                            + "Graph requests served: %d; %s%n", replicas, ids.size(), day.get(0).attendees().size(),
                    GRAPH_LATENCY.toMillis(), (t1 - t0) / 1_000_000, (refreshed - t0) / 1_000_000,
                    (uploaded - t0) / 1_000_000, completeAt.values().stream().min(Long::compare).orElse(0L),
                    completeAt.values().stream().sorted().toList().get(completeAt.size() / 2),
                    stack.emulator().faultStats().served(), warmUp.isEmpty() ? "services cold (just started)"
                            : "services warmed up by an unmeasured day of " + warmUp.size() + " sessions first"));
            double wall = (t1 - t0) / 1e9;
            double total = 0;
            for (var e : cpuAfter.entrySet()) {
                double used = (e.getValue().toMillis() - cpuBefore.getOrDefault(e.getKey(), Duration.ZERO).toMillis())
                        / 1000.0;
                total += used;
                out.append(String.format(Locale.ROOT, "    %-32s CPU %6.1f s (%3.0f %% of one core)%n", e.getKey(),
                        used, 100 * used / wall));
            }
            out.append(String.format(Locale.ROOT, "    %-32s CPU %6.1f s of %.1f s available on %d cores (%.0f %%)",
                    "all", total, wall * Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors(), 100 * total / (wall
                            * Runtime.getRuntime().availableProcessors())));
            System.out.println(out);
            return out.toString();
        }
    }

    /** The sessions of {@code day}: their meetings in the emulator, created, enrolled and known to attendance. */
    private static List<String> prepare(Stack stack, ConferenceDayDriver driver, List<ConferenceDay.Session> day) {
        if (day.isEmpty()) {
            return List.of();
        }
        day.forEach(s -> stack.emulator().edits().addMeeting(DemoScenario.TENANT_ID, s.meeting()));
        List<String> ids = driver.createSessions(day);
        IntStream.range(0, ids.size()).parallel().forEach(i -> driver.enroll(ids.get(i), day.get(i)));
        ids.parallelStream().forEach(driver::awaitKnownToAttendance);
        return ids;
    }

    /**
     * The sessions end: {@link #ADMINS} administrators click "Refresh data" for each and upload its polls. Returns
     * when every refresh was accepted and when every poll was uploaded (nanoTime).
     */
    private static long[] endOfDay(ConferenceDayDriver driver, List<String> ids, List<ConferenceDay.Session> day,
                                   Map<String, List<Api.Upload>> files) {
        ExecutorService admins = Executors.newFixedThreadPool(ADMINS);
        try {
            CompletableFuture<?>[] refreshing = ids.stream().map(id -> CompletableFuture.runAsync(() ->
                    driver.refresh(id), admins)).toArray(CompletableFuture[]::new);
            CompletableFuture<?>[] uploading = IntStream.range(0, ids.size()).mapToObj(i -> CompletableFuture
                    .runAsync(() -> driver.uploadPolls(ids.get(i), files.get(day.get(i).title())), admins))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(refreshing).join();
            long refreshed = System.nanoTime();
            CompletableFuture.allOf(uploading).join();
            return new long[] {refreshed, System.nanoTime()};
        } finally {
            admins.shutdown();
        }
    }

    /**
     * Vacuums and analyses the database and takes a checkpoint before the measured day, so that PostgreSQL's
     * background work on what came before (autovacuum of the warm-up's tables, a checkpoint falling due) does not
     * land inside the measured window in some runs and not in others.
     */
    private static void settle(Stack stack) {
        try (Connection c = stack.postgres().connect(); Statement st = c.createStatement()) {
            st.execute("vacuum analyze");
            st.execute("checkpoint");
        } catch (SQLException e) {
            throw new IllegalStateException("could not settle PostgreSQL before the measured day", e);
        }
    }

    /** Polls every report until it equals the expected; returns when each was first complete (ms after t0). */
    private static Map<String, Long> awaitComplete(ConferenceDayDriver driver, List<String> ids,
                                                   List<ConferenceDay.Session> day, long t0) {
        Map<String, ConferenceDay.Session> byId = new LinkedHashMap<>();
        IntStream.range(0, ids.size()).forEach(i -> byId.put(ids.get(i), day.get(i)));
        Map<String, Map<String, ConferenceDay.Expected>> expected = new HashMap<>();
        byId.forEach((id, s) -> expected.put(id, s.expected()));
        Map<String, Long> done = new ConcurrentHashMap<>();
        Awaitility.await("every Completion report").atMost(Duration.ofMinutes(10))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).until(() -> {
                    Set<String> pending = new java.util.HashSet<>(byId.keySet());
                    pending.removeAll(done.keySet());
                    pending.parallelStream().forEach(id -> {
                        JsonNode c = driver.completionNow(id);
                        if (c != null && c.path("freshness").path("pollsIncluded").asInt() == 6
                                && ConferenceDayFaultTest.rows(c).equals(expected.get(id))) {
                            done.put(id, (System.nanoTime() - t0) / 1_000_000);
                        }
                    });
                    return done.size() == byId.size();
                });
        return done;
    }

    /**
     * CPU used so far: each service replica, the broker, PostgreSQL (server and backends), and this JVM alone (the
     * others are its children: counting its tree would count them twice).
     */
    private static Map<String, Duration> cpu(Stack stack) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        for (ServiceProcess p : stack.services()) {
            cpu.put(ReplicaMetrics.name(p), ProcCpu.tree(p.pid()));
        }
        ProcCpu.find(stack.kafka().log().getParent().resolve("server.properties").toString())
                .ifPresent(pid -> cpu.put("kafka broker", ProcCpu.tree(pid)));
        try {
            String postmaster = java.nio.file.Files.readAllLines(stack.postgres().dataDir().resolve("pgdata")
                    .resolve("postmaster.pid")).get(0).trim();
            cpu.put("postgresql", ProcCpu.tree(Long.parseLong(postmaster)));
        } catch (java.io.IOException e) {
            cpu.put("postgresql", Duration.ZERO);
        }
        cpu.put("benchmark JVM (emulator, driver)", ProcCpu.own(ProcessHandle.current().pid()));
        return cpu;
    }
}
