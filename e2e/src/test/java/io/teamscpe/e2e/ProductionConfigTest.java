package io.teamscpe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamscpe.devstack.RepoRoot;
import io.teamscpe.devstack.ServiceProcess;
import io.teamscpe.devstack.Stack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The packaged services as a pod runs them (the jar's own profile, prod): without a setting they need they stop at
 * once with one line naming each missing setting and its environment variable (platform RequiredSettings). With
 * them all: {@link ProductionLogsTest}.
 */
class ProductionConfigTest {
    private static final Duration QUICKLY = Duration.ofSeconds(45);
    private static final List<String> COMMON = List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username",
            "quarkus.datasource.password", "kafka.bootstrap.servers", "quarkus.oidc.auth-server-url",
            "quarkus.oidc-client.credentials.secret");

    @ParameterizedTest
    @EnumSource(Stack.Service.class)
    void withNothingSetAServiceStopsAtOnceNamingEverySettingItMisses(Stack.Service service) throws IOException {
        Path log = logOf(service.module() + "-unset");
        long started = System.nanoTime();
        ServiceProcess process = ServiceProcess.startWithOnly(RepoRoot.find(), service.module(), 0, 0, Map.of(), log);
        int exit = process.awaitExit(QUICKLY);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(exit).as(service.module() + " exit code").isNotZero();
        List<String> lines = nonBlankLines(log);
        assertThat(lines).as("everything " + service.module() + " printed").hasSize(1);
        String line = lines.get(0);
        assertThat(line).startsWith("Missing settings ");
        List<String> expected = new ArrayList<>(COMMON);
        expected.addAll(own(service));
        for (String setting : expected) {
            assertThat(line).contains(setting + " (env " + Stack.envName(setting) + ")");
        }
        assertThat(line.split(" \\(env ")).hasSize(expected.size() + 1);
        System.out.printf("%s stopped in %d ms: %s%n", service.module(), took.toMillis(), line);
    }

    @Test
    void oneMissingSecretIsNamedAloneBeforeAnythingConnects() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        // nothing listens here: a connection attempt would hang or fail with a stack trace, not this line
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:1/teamscpe");
        env.put("QUARKUS_DATASOURCE_USERNAME", "session");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:1/idp");
        env.put("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET", "not-logged-client-secret");
        env.put("TEAMSCPE_CREDENTIAL_SERVICE_URL", "http://127.0.0.1:1");
        Path log = logOf("session-service-no-password");
        ServiceProcess process = ServiceProcess.startWithOnly(RepoRoot.find(), "session-service", 0, 0, env, log);

        assertThat(process.awaitExit(QUICKLY)).isNotZero();
        assertThat(nonBlankLines(log)).singleElement().asString().startsWith(
                "Missing setting quarkus.datasource.password (env QUARKUS_DATASOURCE_PASSWORD): ");
    }

    private static List<String> own(Stack.Service service) {
        return switch (service) {
            case CREDENTIAL -> List.of("teamscpe.credentials.master-key", "teamscpe.credentials.site-base-url",
                    "teamscpe.credentials.lms-outcome-url");
            case SESSION, ATTENDANCE -> List.of("teamscpe.credential-service.url");
            case POLLING -> List.of("teamscpe.attendance-service.url");
            case REPORTING -> List.of("teamscpe.attendance-service.url", "teamscpe.polling-service.url");
        };
    }

    static Path logOf(String name) throws IOException {
        Path log = RepoRoot.find().resolve("e2e/target/production-config/" + name + ".log");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        return log;
    }

    static List<String> nonBlankLines(Path log) throws IOException {
        return Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
    }
}
