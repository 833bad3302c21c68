package io.teamscpe.devstack;

import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.GraphEmulator;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Everything on one machine: PostgreSQL, Kafka, the Graph emulator (in this JVM, demo scenario loaded) and the five
 * packaged services, each its own JVM. Used by the local run ({@link LocalStack}) and the end-to-end tests.
 */
public final class Stack implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Stack.class);

    /** The five services, in start order. */
    public enum Service {
        CREDENTIAL("credential-service"), SESSION("session-service"), ATTENDANCE("attendance-ingest-service"),
        POLLING("polling-service"), REPORTING("reporting-service");

        private final String module;

        Service(String module) {
            this.module = module;
        }

        public String module() {
            return module;
        }
    }

    /** Ports to listen on; 0 means a random free port. */
    public record Ports(int postgres, int kafka, int kafkaController, int emulator,
                        int credential, int session, int attendance, int polling, int reporting) {
        /** The fixed ports of the local run (docs/architecture.md). */
        public static Ports local() {
            return new Ports(55432, 19092, 19093, 8090, 8081, 8082, 8083, 8084, 8085);
        }

        /** All random: for tests that must not collide with a running local stack. */
        public static Ports random() {
            return new Ports(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        /** The management port (health, metrics): the service port + 1000 locally (9081...), free when random. */
        int managementOf(Service service) {
            return of(service) == 0 ? io.teamscpe.devstack.Ports.freePort() : of(service) + 1000;
        }

        int of(Service service) {
            return switch (service) {
                case CREDENTIAL -> credential;
                case SESSION -> session;
                case ATTENDANCE -> attendance;
                case POLLING -> polling;
                case REPORTING -> reporting;
            };
        }
    }

    /**
     * How to start: {@code repoRoot} holds the packaged services, {@code dataDir} the databases, logs and master key;
     * {@code keepData} reuses the data of an earlier start; {@code replicas} says how many instances of a service
     * to run (one when absent), each its own JVM on its own ports, sharing the schema and the consumer group;
     * {@code replicaEnv} adds environment variables to one replica only, keyed {@code <module>#<replica index>}
     * (e.g. a test's fault-injection setting).
     */
    public record Config(Path repoRoot, Path dataDir, Ports ports, boolean keepData, Duration readyTimeout,
                         Map<Service, Integer> replicas, Map<String, Map<String, String>> replicaEnv) {
        public Config(Path repoRoot, Path dataDir, Ports ports, boolean keepData, Duration readyTimeout) {
            this(repoRoot, dataDir, ports, keepData, readyTimeout, Map.of());
        }

        public Config(Path repoRoot, Path dataDir, Ports ports, boolean keepData, Duration readyTimeout,
                      Map<Service, Integer> replicas) {
            this(repoRoot, dataDir, ports, keepData, readyTimeout, replicas, Map.of());
        }

        int replicasOf(Service service) {
            return Math.max(1, replicas.getOrDefault(service, 1));
        }
    }

    /** Where everything listens. */
    public record Endpoints(String credentialService, String sessionService, String attendanceService,
                            String pollingService, String reportingService, String emulator,
                            String kafkaBootstrapServers, String jdbcUrl) {
        public List<String> services() {
            return List.of(credentialService, sessionService, attendanceService, pollingService, reportingService);
        }
    }

    private final PostgresServer postgres;
    private final KafkaServer kafka;
    private final GraphEmulator emulator;
    private final List<ServiceProcess> services;
    private final Map<String, String> env;

    private Stack(PostgresServer postgres, KafkaServer kafka, GraphEmulator emulator, List<ServiceProcess> services,
            Map<String, String> env) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.emulator = emulator;
        this.services = services;
        this.env = env;
    }

    /** Starts everything and returns once every service reports ready; on failure stops what it started. */
    public static Stack start(Config config) {
        Path dataDir = config.dataDir().toAbsolutePath();
        Ports ports = config.ports();
        // own threads: the common pool has a single worker on a 2-core machine
        Executor ownThread = task -> new Thread(task, "devstack-start").start();
        var pgStart = CompletableFuture.supplyAsync(
                () -> PostgresServer.start(dataDir.resolve("postgres"), ports.postgres(), config.keepData(), true),
                ownThread);
        var kafkaStart = CompletableFuture.supplyAsync(
                () -> KafkaServer.start(dataDir.resolve("kafka"), ports.kafka(), ports.kafkaController()), ownThread);
        List<AutoCloseable> started = new ArrayList<>();
        try {
            PostgresServer postgres = pgStart.join();
            started.add(postgres);
            KafkaServer kafka = kafkaStart.join();
            started.add(kafka);
            GraphEmulator emulator = GraphEmulator.start(ports.emulator());
            started.add(emulator);
            emulator.loadScenario(DemoScenario.build());

            Map<Service, Integer> servicePorts = new LinkedHashMap<>();
            for (Service s : Service.values()) {
                servicePorts.put(s, io.teamscpe.devstack.Ports.orFree(ports.of(s)));
            }
            Map<String, String> common = commonEnv(postgres, kafka, emulator, servicePorts,
                    MasterKey.loadOrCreate(dataDir));
            List<ServiceProcess> services = new ArrayList<>();
            for (var entry : servicePorts.entrySet()) {
                Service service = entry.getKey();
                for (int replica = 0; replica < config.replicasOf(service); replica++) {
                    // the first replica on the service's own ports, the others on free ones
                    int port = replica == 0 ? entry.getValue() : io.teamscpe.devstack.Ports.freePort();
                    int management = replica == 0 ? ports.managementOf(service) : io.teamscpe.devstack.Ports.freePort();
                    Path log = dataDir.resolve("logs").resolve(service.module() + (replica == 0 ? "" : "-" + replica)
                            + ".log");
                    Files.deleteIfExists(log);
                    // a stable name per replica: restarted under it, it takes its partitions straight back
                    Map<String, String> env = new LinkedHashMap<>(common);
                    env.put("TEAMSCPE_KAFKA_INSTANCE_ID", service.module() + "-" + replica);
                    env.putAll(config.replicaEnv().getOrDefault(service.module() + "#" + replica, Map.of()));
                    ServiceProcess process = ServiceProcess.start(config.repoRoot(), service.module(), port,
                            management, env, log);
                    services.add(process);
                    started.add(process);
                }
            }
            for (ServiceProcess service : services) {
                service.awaitReady(config.readyTimeout());
            }
            return new Stack(postgres, kafka, emulator, List.copyOf(services), common);
        } catch (RuntimeException | java.io.IOException e) {
            LOG.errorf("stack start failed, stopping what was started: %s", e.getMessage());
            for (var infra : List.of(kafkaStart, pgStart)) {
                AutoCloseable server = infra.handle((value, failure) -> value).join();
                if (server != null && !started.contains(server)) {
                    started.add(0, server);
                }
            }
            closeAll(started);
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        }
    }

    /** The environment every service gets (the master key included: never log this map). */
    private static Map<String, String> commonEnv(PostgresServer postgres, KafkaServer kafka, GraphEmulator emulator,
            Map<Service, Integer> servicePorts, String masterKey) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        GraphEmulatorResource.config(emulator).forEach((key, value) -> env.put(envName(key), value));
        // where services call each other (token broker; audit material for reporting's audit bundle)
        env.put("TEAMSCPE_CREDENTIAL_SERVICE_URL", "http://localhost:" + servicePorts.get(Service.CREDENTIAL));
        env.put("TEAMSCPE_ATTENDANCE_SERVICE_URL", "http://localhost:" + servicePorts.get(Service.ATTENDANCE));
        env.put("TEAMSCPE_POLLING_SERVICE_URL", "http://localhost:" + servicePorts.get(Service.POLLING));
        env.put("TEAMSCPE_CREDENTIALS_MASTER_KEY", masterKey);
        return env;
    }

    /** MicroProfile Config's environment-variable form of a property name. */
    public static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Where everything listens; for a service with several replicas, its first one. */
    public Endpoints endpoints() {
        return new Endpoints(first(Service.CREDENTIAL), first(Service.SESSION), first(Service.ATTENDANCE),
                first(Service.POLLING), first(Service.REPORTING), emulator.baseUrl(),
                kafka.bootstrapServers(), postgres.jdbcUrl());
    }

    /** Every running instance of {@code service}. */
    public List<ServiceProcess> replicas(Service service) {
        return services.stream().filter(p -> p.module().equals(service.module())).toList();
    }

    private String first(Service service) {
        return replicas(service).get(0).baseUrl();
    }

    public GraphEmulator emulator() {
        return emulator;
    }

    public KafkaServer kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public List<ServiceProcess> services() {
        return services;
    }

    /** The environment the services were started with (it holds secrets: do not print it). */
    public Map<String, String> serviceEnv() {
        return Map.copyOf(env);
    }

    /** Stops the services, then the emulator, Kafka and PostgreSQL. */
    public void stop() {
        List<AutoCloseable> all = new ArrayList<>();
        all.add(postgres);
        all.add(kafka);
        all.add(emulator);
        all.addAll(services);
        closeAll(all);
    }

    @Override
    public void close() {
        stop();
    }

    /** Closes in reverse order of {@code started}, logging (not throwing) failures. */
    private static void closeAll(List<? extends AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warnf("stopping %s failed: %s", started.get(i), e.getMessage());
            }
        }
    }
}
