package io.teamscpe.devstack;

import io.teamscpe.devstack.demo.DemoFlow;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The local run's command line ({@code deploy/local/run.sh} calls it): {@code start} supervises the whole stack in
 * the foreground until it is killed, {@code stop} ends a running supervisor, {@code status} says what runs.
 * Data (databases, logs, master key) stay in {@code <repo>/.local} across runs.
 */
public final class LocalStack {
    public static final String READY_LINE = "TEAMSCPE READY";
    public static final String FAILED_LINE = "TEAMSCPE FAILED";
    /** Opens the summary block that run.sh shows. */
    public static final String SUMMARY_LINE = "==== Teams CPE local stack ====";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    private static final PrintStream OUT = System.out;

    private final Path repo;
    private final Path dataDir;
    private final Path pidFile;

    private LocalStack(Path repo) {
        this.repo = repo;
        this.dataDir = repo.resolve(".local");
        this.pidFile = dataDir.resolve("stack.pid");
    }

    public static void main(String[] args) throws Exception {
        LocalStack local = new LocalStack(RepoRoot.find());
        String command = args.length == 0 ? "status" : args[0];
        int exit = switch (command) {
            case "start" -> {
                Map<Stack.Service, Integer> replicas;
                try {
                    replicas = replicas(args);
                } catch (IllegalArgumentException e) {
                    OUT.println(FAILED_LINE + ": " + e.getMessage());
                    yield 2;
                }
                yield local.start(replicas);
            }
            case "stop" -> local.stop();
            case "status" -> local.status();
            default -> {
                OUT.println("usage: LocalStack start [--replicas <service>=<n>,...]|stop|status");
                yield 2;
            }
        };
        if (exit != 0 || !"start".equals(command)) {
            System.exit(exit);
        }
    }

    /** {@code --replicas reporting-service=3,polling-service=2} (also as several flags). */
    static Map<Stack.Service, Integer> replicas(String[] args) {
        Map<Stack.Service, Integer> replicas = new EnumMap<>(Stack.Service.class);
        for (int i = 1; i < args.length; i++) {
            if (!"--replicas".equals(args[i]) || i + 1 == args.length) {
                throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; expected --replicas <service>=<n>,...");
            }
            for (String pair : args[++i].split(",")) {
                String[] kv = pair.split("=", 2);
                Stack.Service service = Arrays.stream(Stack.Service.values())
                        .filter(s -> s.module().equals(kv[0].trim())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no service named " + kv[0]));
                int n = kv.length == 2 ? Integer.parseInt(kv[1].trim()) : 0;
                if (n < 1 || n > 8) {
                    throw new IllegalArgumentException("replicas of " + kv[0] + " must be 1 to 8, got " + pair);
                }
                replicas.put(service, n);
            }
        }
        return replicas;
    }

    private int start(Map<Stack.Service, Integer> replicas) throws IOException, InterruptedException {
        Optional<ProcessHandle> running = supervisor();
        if (running.isPresent()) {
            OUT.println("Teams CPE is already running (pid " + running.get().pid() + ")");
            return 1;
        }
        // what a supervisor killed hard may have left behind would hold the ports and the database
        stopOrphans();
        stopLeftoverPostgres();
        Files.createDirectories(dataDir);
        Files.writeString(pidFile, String.valueOf(ProcessHandle.current().pid()), StandardCharsets.US_ASCII);
        AtomicReference<Stack> stack = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Stack s = stack.getAndSet(null);
            if (s != null) {
                OUT.println("stopping Teams CPE ...");
                s.stop();
            }
            deletePidFile();
            stopped.countDown();
        }, "teamscpe-local-stop"));

        OUT.println("starting PostgreSQL, Kafka, the Graph emulator and 5 services (data in " + dataDir + ") ...");
        try {
            stack.set(Stack.start(new Stack.Config(repo, dataDir, Stack.Ports.local(), true, READY_TIMEOUT,
                    replicas)));
        } catch (RuntimeException e) {
            OUT.println(FAILED_LINE + ": " + e.getMessage());
            return 1;
        }
        printSummary(stack.get());
        OUT.println(READY_LINE);
        OUT.flush();
        stopped.await();
        return 0;
    }

    private void printSummary(Stack stack) {
        Stack.Endpoints endpoints = stack.endpoints();
        String summary;
        try {
            summary = DemoFlow.run(endpoints, stack.emulator());
        } catch (RuntimeException e) {
            summary = "the demo flow failed (the stack itself is up): " + e.getMessage();
        }
        OUT.println(SUMMARY_LINE);
        OUT.println(summary);
        OUT.println();
        OUT.println("Swagger UI:");
        for (ServiceProcess service : stack.services()) {
            OUT.printf("  %-26s %s/q/swagger-ui  (health: %s/q/health)%n", service.module(), service.baseUrl(),
                    service.managementUrl());
        }
        OUT.println("Graph emulator:              " + endpoints.emulator());
        OUT.println("Kafka:                       " + endpoints.kafkaBootstrapServers());
        OUT.println("PostgreSQL:                  " + endpoints.jdbcUrl() + " (user postgres)");
        OUT.println("Logs:                        " + dataDir.resolve("logs"));
        OUT.println();
        OUT.println("An admin token (send it as 'Authorization: Bearer <token>'):");
        OUT.println("  curl -X POST " + endpoints.emulator() + "/_emulator/idp/tokens -H 'Content-Type: application/json'"
                + " -d '{\"firmId\":\"demo-firm\",\"subject\":\"admin\",\"name\":\"Demo Admin\","
                + "\"email\":\"admin@demo.test\",\"roles\":[\"cpe-admin\"]}'");
        OUT.println();
    }

    private int stop() {
        Optional<ProcessHandle> running = supervisor();
        if (running.isPresent()) {
            OUT.println("stopping Teams CPE (pid " + running.get().pid() + ") ...");
            Processes.stop(running.get(), "the local stack", Duration.ofSeconds(90));
        } else {
            OUT.println("Teams CPE is not running");
        }
        // normally the supervisor stopped everything; these remain only if it was killed hard
        stopOrphans();
        stopLeftoverPostgres();
        deletePidFile();
        OUT.println("stopped");
        return 0;
    }

    /**
     * Services and broker of this local stack, recognised by the exact paths on their command lines: the jar alone
     * would also match tests and benchmarks that run the packaged services.
     */
    private void stopOrphans() {
        List<String> markers = List.of(ServiceProcess.LOG_MARKER + dataDir.resolve("logs").toAbsolutePath(),
                dataDir.resolve("kafka").resolve("server.properties").toString());
        ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().commandLine().map(c -> markers.stream().anyMatch(c::contains)).orElse(false))
                .forEach(p -> {
                    OUT.println("stopping a leftover process (pid " + p.pid() + ")");
                    Processes.stop(p, "process " + p.pid(), Duration.ofSeconds(20));
                });
    }

    private int status() {
        Optional<ProcessHandle> running = supervisor();
        if (running.isEmpty()) {
            OUT.println("Teams CPE is not running");
            return 3;
        }
        OUT.println("Teams CPE is running (pid " + running.get().pid() + ")");
        Stack.Ports ports = Stack.Ports.local();
        for (Stack.Service service : Stack.Service.values()) {
            int port = ports.of(service);
            int code = ServiceProcess.status(URI.create("http://localhost:" + ports.managementOf(service)
                    + "/q/health/ready"));
            OUT.printf("  %-26s http://localhost:%d  %s%n", service.module(), port,
                    code == 200 ? "ready" : code < 0 ? "not answering" : "not ready (HTTP " + code + ")");
        }
        return 0;
    }

    /** The supervisor named by the pid file, if it still runs (a stale file from a crash is ignored). */
    private Optional<ProcessHandle> supervisor() {
        return readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                // a zombie (killed, not yet reaped) has no command line any more
                .filter(p -> p.info().commandLine().map(c -> c.contains(LocalStack.class.getName())).orElse(false));
    }

    /** A postmaster left by a supervisor that was killed hard (zonky's PostgreSQL is not our child). */
    private void stopLeftoverPostgres() {
        readPid(dataDir.resolve("postgres/pgdata/postmaster.pid")).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .ifPresent(pg -> {
                    OUT.println("stopping a leftover PostgreSQL (pid " + pg.pid() + ")");
                    Processes.stop(pg, "PostgreSQL", Duration.ofSeconds(30));
                });
    }

    private static Optional<Long> readPid(Path file) {
        try {
            String first = Files.readAllLines(file, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
            return Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void deletePidFile() {
        try {
            if (readPid(pidFile).filter(pid -> pid == ProcessHandle.current().pid()).isPresent()
                    || supervisor().isEmpty()) {
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException e) {
            OUT.println("could not delete " + pidFile + ": " + e.getMessage());
        }
    }

}
