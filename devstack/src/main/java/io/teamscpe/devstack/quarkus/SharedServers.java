package io.teamscpe.devstack.quarkus;

import io.teamscpe.devstack.KafkaServer;
import io.teamscpe.devstack.PostgresServer;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One server of each kind per JVM, started on first use and stopped when the JVM exits, so every Quarkus
 * application a test run boots shares them. Data lives under {@code target/devstack-<pid>} of the working dir.
 * <p>
 * The registry is a static map: not in the system properties, where non-string values break Narayana's start-up
 * (it copies every system property). A test run that boots applications under several class loaders may start a
 * second server; the modules here use one test profile, so one application and one set of servers.
 */
final class SharedServers {
    static final String CONFIG = "config";
    static final String INSTANCE = "instance";
    private static final String PREFIX = "io.teamscpe.devstack.shared.";
    private static final Logger LOG = Logger.getLogger(SharedServers.class);
    private static final Map<String, Object> REGISTRY = new ConcurrentHashMap<>();
    private static final Path HOME = Path.of(System.getProperty("user.dir"))
            .resolve("target").resolve("devstack-" + ProcessHandle.current().pid()).toAbsolutePath();

    private SharedServers() {
    }

    static Map<String, Object> postgres() {
        return handle("postgres", () -> {
            PostgresServer server = PostgresServer.start(HOME.resolve("postgres"), 0, false);
            return Map.of(INSTANCE, server, CONFIG, Map.of(
                    "quarkus.datasource.jdbc.url", server.jdbcUrl(),
                    "quarkus.datasource.username", server.username(),
                    "quarkus.datasource.password", server.password()));
        });
    }

    static Map<String, Object> kafka() {
        return handle("kafka", () -> {
            KafkaServer server = KafkaServer.start(HOME.resolve("kafka"), 0, 0);
            return Map.of(INSTANCE, server, KafkaServer.CONTROL, server.control(),
                    CONFIG, Map.of("kafka.bootstrap.servers", server.bootstrapServers()));
        });
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> config(Map<String, Object> handle) {
        return (Map<String, String>) handle.get(CONFIG);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> handle(String name, Supplier<Map<String, Object>> starter) {
        synchronized (REGISTRY) {
            Object existing = REGISTRY.get(PREFIX + name);
            if (existing != null) {
                return (Map<String, Object>) existing;
            }
            Map<String, Object> handle = new ConcurrentHashMap<>(starter.get());
            AutoCloseable server = (AutoCloseable) handle.get(INSTANCE);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(server), "devstack-stop-" + name));
            REGISTRY.put(PREFIX + name, handle);
            return handle;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("could not stop a devstack server", e);
        }
    }
}
