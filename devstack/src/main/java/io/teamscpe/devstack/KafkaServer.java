package io.teamscpe.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running as its own JVM from the jars in
 * {@code kafka-broker/target/lib}. Creates every topic of {@code Topics} and its dead-letter twin ({@link KafkaTopics}).
 * {@link #stop()} and {@link #restart()} keep ports and data, so tests can prove that events survive an outage.
 */
public final class KafkaServer implements AutoCloseable {
    /** Key of {@link #control()} in the JVM-wide registry of the Quarkus test resources. */
    public static final String CONTROL = "control";
    private static final Logger LOG = Logger.getLogger(KafkaServer.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final KafkaFiles files;
    private final Path lib;
    private final int port;
    private final int controllerPort;
    private final Function<String, Object> remote;
    private Process process;
    private Thread shutdownHook;

    private KafkaServer(KafkaFiles files, Path lib, int port, int controllerPort) {
        this.files = files;
        this.lib = lib;
        this.port = port;
        this.controllerPort = controllerPort;
        this.remote = null;
    }

    private KafkaServer(Function<String, Object> remote) {
        this.files = new KafkaFiles(Path.of((String) remote.apply("dir")));
        this.lib = null;
        this.port = (Integer) remote.apply("port");
        this.controllerPort = (Integer) remote.apply("controllerPort");
        this.remote = remote;
    }

    /**
     * This broker as a function of JDK types only ("stop", "restart", "running", "port", "controllerPort", "dir"),
     * so code loaded by another class loader (another Quarkus application in the same JVM) can drive it.
     */
    public Function<String, Object> control() {
        return command -> switch (command) {
            case "stop" -> {
                stop();
                yield null;
            }
            case "restart" -> {
                restart();
                yield null;
            }
            case "running" -> isRunning();
            case "port" -> port;
            case "controllerPort" -> controllerPort;
            case "dir" -> files.dir().toString();
            default -> throw new IllegalArgumentException("unknown command " + command);
        };
    }

    /** A handle on a broker started by another class loader, from its {@link #control()}. */
    public static KafkaServer attach(Function<String, Object> control) {
        return new KafkaServer(control);
    }

    /**
     * Starts a broker with its configuration, log and data under {@code dataDir}; reuses the data of an earlier
     * start in the same directory. Returns once the broker answers and all topics exist.
     *
     * @param port           client port (0 = random)
     * @param controllerPort KRaft controller port (0 = random)
     */
    public static KafkaServer start(Path dataDir, int port, int controllerPort) {
        int clientPort = Ports.orFree(port);
        int quorumPort = controllerPort == 0 ? freePortOtherThan(clientPort) : controllerPort;
        KafkaServer server = new KafkaServer(new KafkaFiles(dataDir.toAbsolutePath()), BrokerLib.locate(),
                clientPort, quorumPort);
        server.files.write(clientPort, quorumPort);
        server.formatIfNeeded();
        server.launch();
        KafkaTopics.createAll(server.admin());
        return server;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    /** The broker's own log (stdout and stderr). */
    public Path log() {
        return files.log();
    }

    public synchronized boolean isRunning() {
        if (remote != null) {
            return (Boolean) remote.apply("running");
        }
        return process != null && process.isAlive();
    }

    /** Stops the broker, keeping its data; {@link #restart()} brings it back on the same ports. */
    public synchronized void stop() {
        if (remote != null) {
            remote.apply("stop");
            return;
        }
        if (process != null) {
            Processes.stop(process.toHandle(), "Kafka broker", STOP_GRACE);
            LOG.infof("Kafka broker on port %d stopped", port);
            process = null;
        }
        Processes.removeHook(shutdownHook);
        shutdownHook = null;
    }

    /**
     * Kills the broker with SIGKILL, as a crash would (no controlled shutdown, nothing flushed that the OS did not
     * already have), keeping its data; {@link #restart()} brings it back on the same ports.
     */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            process.onExit().join();
            LOG.infof("Kafka broker on port %d killed (SIGKILL)", port);
            process = null;
        }
        Processes.removeHook(shutdownHook);
        shutdownHook = null;
    }

    /** Starts the broker again after {@link #stop()} (or restarts a running one), same ports, same data. */
    public synchronized void restart() {
        if (remote != null) {
            remote.apply("restart");
            return;
        }
        stop();
        launch();
    }

    @Override
    public void close() {
        stop();
    }

    private void formatIfNeeded() {
        if (files.formatted()) {
            return;
        }
        Path formatLog = files.dir().resolve("kafka-format.log");
        List<String> command = List.of(Processes.javaExecutable(),
                "-Dlog4j2.configurationFile=" + files.log4jConfig().toUri(),
                "-cp", lib + "/*", "kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(), "-c", files.serverProperties().toString());
        try {
            Process format = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(formatLog.toFile()).start();
            if (!format.waitFor(60, TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting Kafka storage timed out; see " + formatLog);
            }
            if (format.exitValue() != 0) {
                throw new IllegalStateException("formatting Kafka storage failed (exit " + format.exitValue()
                        + "):\n" + FileTrees.tail(formatLog, 20));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run the Kafka storage tool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private synchronized void launch() {
        List<String> command = new ArrayList<>(List.of(Processes.javaExecutable(), "-Xmx512m",
                // a faster start on small machines; a dev broker needs no peak throughput
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + files.log4jConfig().toUri(),
                "-D" + BrokerWatchdog.PARENT_PID + "=" + ProcessHandle.current().pid()));
        String watchdogLocation = codeLocation();
        if (watchdogLocation != null) {
            command.addAll(List.of("-cp", lib + "/*" + java.io.File.pathSeparator + watchdogLocation,
                    BrokerWatchdog.class.getName()));
        } else {
            command.addAll(List.of("-cp", lib + "/*", "kafka.Kafka"));
        }
        command.add(files.serverProperties().toString());
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(files.log().toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Kafka broker", e);
        }
        Process started = process;
        shutdownHook = Processes.addHook("kafka-" + port,
                () -> Processes.stop(started.toHandle(), "Kafka broker", STOP_GRACE));
        awaitReady(started);
        LOG.infof("Kafka broker ready on %s (pid %d, log %s)", bootstrapServers(), started.pid(), files.log());
    }

    private void awaitReady(Process started) {
        try (Admin admin = admin()) {
            Awaitility.await("Kafka broker on " + bootstrapServers())
                    .atMost(READY_TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!started.isAlive()) {
                            throw new IllegalStateException("the Kafka broker exited (code " + started.exitValue()
                                    + "):\n" + FileTrees.tail(files.log(), 30));
                        }
                        try {
                            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
                        } catch (ExecutionException | java.util.concurrent.TimeoutException notYet) {
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            stop();
            throw new IllegalStateException("the Kafka broker did not become ready within " + READY_TIMEOUT
                    + ":\n" + FileTrees.tail(files.log(), 30), e);
        }
    }

    Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500,
                // while the broker starts its only address refuses connections: without this the client
                // "rebootstraps" in a loop, a thousand log lines a second, instead of backing off
                AdminClientConfig.METADATA_RECOVERY_STRATEGY_CONFIG, "none"));
    }

    private static int freePortOtherThan(int taken) {
        int candidate = Ports.freePort();
        while (candidate == taken) {
            candidate = Ports.freePort();
        }
        return candidate;
    }

    /** The jar or class directory holding {@link BrokerWatchdog}, or null when it cannot be named. */
    private static String codeLocation() {
        try {
            var source = BrokerWatchdog.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
