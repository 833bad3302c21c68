package io.teamscpe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.devstack.Ports;
import io.teamscpe.devstack.RepoRoot;
import io.teamscpe.devstack.ServiceProcess;
import io.teamscpe.devstack.Stack;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A packaged service started as a pod runs it (prod profile, every setting in its environment). */
@ExtendWith(SharedStack.class)
class ProductionLogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** With every setting (the local stack's, as a pod gets them) a service starts and logs JSON, no secret. */
    @Test
    void withItsSettingsAServiceStartsInProductionLoggingJsonWithoutSecrets() throws IOException {
        Stack stack = SharedStack.stack();
        Map<String, String> env = new LinkedHashMap<>(stack.serviceEnv());
        env.put("TEAMSCPE_CREDENTIALS_SITE_BASE_URL", "https://cpe.firm.test");
        env.put("TEAMSCPE_CREDENTIALS_LMS_OUTCOME_URL", "https://lms.firm.test/outcome");
        // the embedded PostgreSQL trusts local connections: a password of our own, findable if it were logged
        env.put("QUARKUS_DATASOURCE_PASSWORD", "not-logged-" + java.util.UUID.randomUUID());
        Path log = ProductionConfigTest.logOf("credential-service-prod");
        try (ServiceProcess process = ServiceProcess.startWithOnly(RepoRoot.find(), "credential-service",
                Ports.freePort(), Ports.freePort(), env, log)) {
            process.awaitReady(Duration.ofMinutes(3));
        }
        List<String> lines = ProductionConfigTest.nonBlankLines(log);
        assertThat(lines).hasSizeGreaterThan(3);
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line);
            assertThat(entry.has("level") && entry.has("message")).as("a JSON log entry: " + line).isTrue();
        }
        String all = String.join("\n", lines);
        for (String secret : List.of("TEAMSCPE_CREDENTIALS_MASTER_KEY", "QUARKUS_DATASOURCE_PASSWORD",
                "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET")) {
            assertThat(all).as(secret + " in the log").doesNotContain(env.get(secret));
        }
    }
}
