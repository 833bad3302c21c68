package io.teamscpe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamscpe.deploy.support.Chart;
import io.teamscpe.deploy.support.Rendered;
import io.teamscpe.deploy.support.WorkloadPolicies;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Probes, resources, security context, images, selectors and shutdown of every Deployment. */
class WorkloadPolicyTest {
    private static final String POLLING = "Deployment/teams-cpe-polling-service";

    static Stream<Arguments> renders() {
        return StrictModelTest.renders();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyDeploymentFollowsTheHouseRules(String values, Rendered rendered) {
        assertThat(WorkloadPolicies.check(rendered)).isEmpty();
    }

    @Test
    void aMissingProbeIsCaught() {
        assertThat(violations(c -> c.remove("startupProbe"))).containsExactly(POLLING
                + " container polling-service: no startupProbe (httpGet /q/health/started on the management port 9000)");
    }

    @Test
    void aProbeOnTheServicePortIsCaught() {
        assertThat(violations(c -> ((ObjectNode) c.path("livenessProbe").path("httpGet")).put("port", "http")))
                .singleElement().asString().contains("livenessProbe must get /q/health/live on port 9000");
    }

    @Test
    void aMissingMemoryLimitIsCaught() {
        assertThat(violations(c -> ((ObjectNode) c.path("resources")).remove("limits")))
                .containsExactly(POLLING + " container polling-service: no memory limit");
    }

    @Test
    void aContainerThatMayRunAsRootIsCaught() {
        Rendered seeded = Chart.production().edit(docs -> {
            ObjectNode pod = pollingPod(docs);
            ((ObjectNode) pod.path("securityContext")).remove("runAsNonRoot");
            ((ObjectNode) pod.path("containers").path(0).path("securityContext")).remove("runAsNonRoot");
        });
        assertThat(WorkloadPolicies.check(seeded))
                .containsExactly(POLLING + " container polling-service: runAsNonRoot must be true");
    }

    @Test
    void aWritableRootFilesystemAndKeptCapabilitiesAreCaught() {
        assertThat(violations(c -> {
            ((ObjectNode) c.path("securityContext")).put("readOnlyRootFilesystem", false);
            ((ObjectNode) c.path("securityContext")).remove("capabilities");
        })).containsExactly(POLLING + " container polling-service: readOnlyRootFilesystem must be true",
                POLLING + " container polling-service: capabilities must drop ALL");
    }

    @Test
    void theLatestTagAndAnUntaggedImageAreCaught() {
        assertThat(violations(c -> c.put("image", "registry.example.com/teams-cpe/polling-service:latest")))
                .singleElement().asString().endsWith("uses :latest");
        assertThat(violations(c -> c.put("image", "registry.example.com:5000/teams-cpe/polling-service")))
                .singleElement().asString().endsWith("has no tag (that means :latest)");
    }

    @Test
    void aVersionLabelInTheSelectorIsCaught() {
        Rendered seeded = Chart.production().edit(docs -> {
            ObjectNode deployment = polling(docs);
            ((ObjectNode) deployment.path("spec").path("selector").path("matchLabels"))
                    .put("app.kubernetes.io/version", "0.1.0");
        });
        assertThat(WorkloadPolicies.check(seeded)).singleElement().asString()
                .startsWith(POLLING + ": selector label app.kubernetes.io/version changes between releases");
    }

    @Test
    void aGracePeriodShorterThanTheShutdownTimeoutIsCaught() {
        Rendered seeded = Chart.production().edit(docs -> ((ObjectNode) pollingPod(docs))
                .put("terminationGracePeriodSeconds", 30));
        assertThat(WorkloadPolicies.check(seeded)).containsExactly(POLLING + ": terminationGracePeriodSeconds 30 "
                + "must exceed preStop 5 s + QUARKUS_SHUTDOWN_TIMEOUT 25 s (the pod is killed mid-request otherwise)");
    }

    @Test
    void aMissingTmpVolumeIsCaught() {
        assertThat(violations(c -> c.remove("volumeMounts"))).containsExactly(
                POLLING + " container polling-service: no emptyDir at /tmp (the root filesystem is read-only)");
    }

    private static java.util.List<String> violations(Consumer<ObjectNode> editContainer) {
        Rendered seeded = Chart.production().edit(docs ->
                editContainer.accept((ObjectNode) pollingPod(docs).path("containers").path(0)));
        return WorkloadPolicies.check(seeded);
    }

    static ObjectNode polling(java.util.List<ObjectNode> docs) {
        return docs.stream().filter(d -> d.path("kind").asText().equals("Deployment")
                && d.path("metadata").path("name").asText().equals("teams-cpe-polling-service")).findFirst().orElseThrow();
    }

    static ObjectNode pollingPod(java.util.List<ObjectNode> docs) {
        return (ObjectNode) polling(docs).path("spec").path("template").path("spec");
    }
}
