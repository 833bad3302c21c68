package io.teamscpe.devstack;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One packaged Quarkus service ({@code <module>/target/quarkus-app/quarkus-run.jar}) running as its own JVM. */
public final class ServiceProcess implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ServiceProcess.class);
    /** What a pod of the chart has after SIGTERM: terminationGracePeriodSeconds 35 less the 5 s preStop. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /**
     * The configuration profile devstack runs services in unless {@code env} names one: the local run's localhost
     * defaults and text logs. Production (the jar's own default) requires every connection and secret to be set.
     */
    public static final String LOCAL_PROFILE = "local";
    /** A system property nothing reads: it puts the service's log file on its command line. */
    static final String LOG_MARKER = "-Dteamscpe.devstack.log=";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String module;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final Path repoRoot;
    private final Map<String, String> env;
    private volatile Process process;
    private volatile Thread shutdownHook;

    private ServiceProcess(String module, int port, int managementPort, Path log, Path repoRoot,
                           Map<String, String> env, Process process) {
        this.module = module;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.repoRoot = repoRoot;
        this.env = Map.copyOf(env);
        this.process = process;
        this.shutdownHook = hook(module, process);
    }

    private static Thread hook(String module, Process process) {
        return Processes.addHook(module, () -> Processes.stop(process.toHandle(), module, STOP_GRACE));
    }

    /**
     * Starts {@code module}'s packaged app on {@code port} (API) and {@code managementPort} (health, metrics), with
     * {@code env} added to this JVM's environment; does not wait.
     */
    public static ServiceProcess start(Path repoRoot, String module, int port, int managementPort,
                                       Map<String, String> env, Path log) {
        Map<String, String> all = new java.util.LinkedHashMap<>(env);
        all.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        all.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        return launch(repoRoot, module, port, managementPort, all, true, log);
    }

    /**
     * Starts {@code module}'s packaged app with nothing but {@code env} (and {@code PATH}) in its environment, as a
     * pod gets it: no profile unless {@code env} names one, so production's; on {@code port} and
     * {@code managementPort} unless 0 (then on what {@code env} says). Does not wait.
     */
    public static ServiceProcess startWithOnly(Path repoRoot, String module, int port, int managementPort,
                                               Map<String, String> env, Path log) {
        Map<String, String> all = new java.util.LinkedHashMap<>(env);
        if (port > 0) {
            all.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            all.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        }
        return launch(repoRoot, module, port, managementPort, all, false, log);
    }

    /**
     * Starts an app that serves its health on its one HTTP port, which {@code env} tells it; does not wait.
     */
    public static ServiceProcess start(Path repoRoot, String module, int port, Map<String, String> env, Path log) {
        return launch(repoRoot, module, port, port, env, true, log);
    }

    private static ServiceProcess launch(Path repoRoot, String module, int port, int managementPort,
                                         Map<String, String> env, boolean inherit, Path log) {
        Process process = spawn(repoRoot, module, port, env, inherit, log);
        return new ServiceProcess(module, port, managementPort, log, repoRoot, env, process);
    }

    private static Process spawn(Path repoRoot, String module, int port, Map<String, String> env, boolean inherit,
                                 Path log) {
        Path jar = repoRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first with "
                    + "`./mvnw -DskipTests install` in " + repoRoot);
        }
        // the log path on the command line tells this stack's services from others running the same jar
        ProcessBuilder builder = new ProcessBuilder(List.of(Processes.javaExecutable(), "-Xmx256m",
                LOG_MARKER + log.toAbsolutePath(), "-jar", jar.toString()))
                .directory(repoRoot.resolve(module).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (inherit) {
            builder.environment().putIfAbsent("QUARKUS_PROFILE", LOCAL_PROFILE);
        } else {
            String path = builder.environment().get("PATH");
            builder.environment().clear();
            builder.environment().put("PATH", path == null ? "/usr/bin:/bin" : path);
        }
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            LOG.infof("%s starting on port %d (pid %d, log %s)", module, port, process.pid(), log);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + module, e);
        }
    }

    public String module() {
        return module;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Where health and metrics are served ({@code /q/health}, {@code /q/metrics}). */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early, with the log's tail, if the process dies. */
    public void awaitReady(Duration timeout) {
        URI ready = URI.create(managementUrl() + "/q/health/ready");
        try {
            Awaitility.await(module + " ready").atMost(timeout)
                    .pollDelay(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(module + " exited with code " + process.exitValue()
                                    + "; last lines of " + log + ":\n" + FileTrees.tail(log, 40));
                        }
                        return status(ready) == 200;
                    });
            LOG.infof("%s ready on %s", module, baseUrl());
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(module + " not ready within " + timeout + "; last lines of " + log
                    + ":\n" + FileTrees.tail(log, 40), e);
        }
    }

    /** Waits until the process exits and returns its exit code; fails if it is still running after {@code timeout}. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(module + " still running after " + timeout + "; last lines of "
                        + log + ":\n" + FileTrees.tail(log, 40));
            }
            Processes.removeHook(shutdownHook);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + module + " to exit", e);
        }
    }

    /** The HTTP status of a GET, or -1 when nothing answers. */
    static int status(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The exit code once the process has ended (137 after {@link #kill()}), or -1 while it runs. */
    public int exitCode() {
        Process p = process;
        return p.isAlive() ? -1 : p.exitValue();
    }

    /** SIGKILL, as a crash or an OOM kill would end it: no shutdown, nothing acknowledged that was not already. */
    public synchronized void kill() {
        process.destroyForcibly();
        process.onExit().join();
        Processes.removeHook(shutdownHook);
        LOG.infof("%s on port %d killed (SIGKILL)", module, port);
    }

    /**
     * Starts the service again, after it ended, on the same ports with the same log (appended to) and the
     * environment it was first started with plus {@code overrides} (a null value removes a variable); does not wait
     * (see {@link #awaitReady}).
     */
    public synchronized void restart(Map<String, String> overrides) {
        if (process.isAlive()) {
            throw new IllegalStateException(module + " on port " + port + " is still running");
        }
        Processes.removeHook(shutdownHook);
        Map<String, String> all = new java.util.LinkedHashMap<>(env);
        overrides.forEach((k, v) -> {
            if (v == null) {
                all.remove(k);
            } else {
                all.put(k, v);
            }
        });
        // only a stack's services are restarted: they run in the local profile (startWithOnly's never are)
        process = spawn(repoRoot, module, port, all, true, log);
        shutdownHook = hook(module, process);
    }

    /** SIGTERM (Quarkus shuts down gracefully), SIGKILL if it lingers. */
    public void stop() {
        Processes.stop(process.toHandle(), module, STOP_GRACE);
        Processes.removeHook(shutdownHook);
    }

    @Override
    public void close() {
        stop();
    }
}
