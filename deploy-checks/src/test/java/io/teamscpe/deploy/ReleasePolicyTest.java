package io.teamscpe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamscpe.deploy.support.Chart;
import io.teamscpe.deploy.support.Rendered;
import io.teamscpe.deploy.support.ReleasePolicies;
import io.teamscpe.deploy.support.Repo;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Disruption budgets, scaling caps, network policies, Secrets, monitoring and RBAC across the release. */
class ReleasePolicyTest {

    static Stream<Arguments> renders() {
        return StrictModelTest.renders();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void theReleaseFollowsTheHouseRules(String values, Rendered rendered) {
        assertThat(ReleasePolicies.check(rendered)).isEmpty();
    }

    @Test
    void budgetsExistExactlyForServicesWithTwoOrMoreReplicas() {
        assertThat(Chart.defaults().ofKind("PodDisruptionBudget")).isEmpty();
        assertThat(Chart.production().ofKind("PodDisruptionBudget")).hasSize(5);
    }

    @Test
    void aBudgetOverOneReplicaIsCaught() {
        Rendered seeded = Chart.production().edit(docs -> ((ObjectNode) deployment(docs, "session-service")
                .path("spec")).put("replicas", 1));
        assertThat(ReleasePolicies.check(seeded)).containsExactly("PodDisruptionBudget/teams-cpe-session-service: "
                + "over 1 replica, it blocks every node drain (only with 2 or more replicas)");
    }

    @Test
    void twoReplicasWithoutABudgetAreCaught() {
        Rendered seeded = Chart.defaults().edit(docs -> ((ObjectNode) deployment(docs, "session-service")
                .path("spec")).put("replicas", 2));
        assertThat(ReleasePolicies.check(seeded))
                .containsExactly("Deployment/teams-cpe-session-service: 2 replicas and no PodDisruptionBudget");
    }

    @Test
    void aConsumerBeyondThePartitionCountIsCaught() {
        Rendered seeded = Chart.defaults().edit(docs -> ((ObjectNode) deployment(docs, "reporting-service")
                .path("spec")).put("replicas", 13));
        assertThat(ReleasePolicies.check(seeded)).contains("Deployment/teams-cpe-reporting-service: up to 13 "
                + "replicas, but a consumer has at most 12 useful replicas (one per partition); the others never "
                + "become ready");
    }

    @Test
    void aServiceWithoutNetworkPolicyIsCaught() {
        Rendered seeded = Chart.defaults().edit(docs -> docs.removeIf(d -> d.path("kind").asText()
                .equals("NetworkPolicy") && d.path("metadata").path("name").asText().endsWith("credential-service")));
        assertThat(ReleasePolicies.check(seeded))
                .containsExactly("Deployment/teams-cpe-credential-service: 0 NetworkPolicies select its pods, not one");
    }

    @Test
    void aNetworkPolicyOpeningAnotherPortIsCaught() {
        Rendered seeded = Chart.defaults().edit(docs -> docs.stream()
                .filter(d -> d.path("kind").asText().equals("NetworkPolicy")).findFirst().ifPresent(np ->
                        ((ObjectNode) np.path("spec").path("ingress").path(0).path("ports").path(0)).put("port", 5005)));
        assertThat(ReleasePolicies.check(seeded)).singleElement().asString().endsWith(": opens port 5005");
    }

    @Test
    void aSecretNobodySuppliesIsCaught() {
        Rendered seeded = Chart.defaults().editText(y -> y.replace("secretKeyRef: {name: teams-cpe-oidc, key: client-secret}",
                "secretKeyRef: {name: oidc-client, key: client-secret}"));
        assertThat(ReleasePolicies.check(seeded)).singleElement().asString().endsWith("Secret oidc-client is neither "
                + "rendered nor named in the values as one the operator supplies");
    }

    @Test
    void developmentSecretsAreRenderedOnlyWhenAsked() {
        Rendered asked = Chart.render(Repo.CHART, null, Map.of("developmentSecrets.create", "true",
                "developmentSecrets.masterKey", "dGVzdC1vbmx5LW1hc3Rlci1rZXktbm90LWZvci11c2U=",
                "developmentSecrets.oidcAuthServerUrl", "https://idp.example.com/realms/cpe",
                "developmentSecrets.oidcClientSecret", "not-a-real-secret"));
        assertThat(asked.ofKind("Secret")).extracting(d -> d.path("metadata").path("name").asText())
                .containsExactly("teams-cpe-credential-keys", "teams-cpe-oidc");
        assertThat(ReleasePolicies.check(asked)).isEmpty();
        assertThat(Chart.production().ofKind("Secret")).isEmpty();
    }

    @Test
    void aServiceMonitorWithAnEmptySelectorIsCaught() {
        Rendered seeded = Chart.production().edit(docs -> docs.stream()
                .filter(d -> d.path("kind").asText().equals("ServiceMonitor")).findFirst()
                .ifPresent(sm -> ((ObjectNode) sm.path("spec")).putObject("selector")));
        assertThat(ReleasePolicies.check(seeded)).singleElement().asString()
                .endsWith(": an empty selector scrapes every Service in the namespace");
    }

    @Test
    void aBuildTimestampAnnotationIsCaught() {
        Rendered seeded = Chart.production().edit(docs -> ((ObjectNode) deployment(docs, "session-service")
                .path("metadata")).putObject("annotations").put("app.quarkus.io/build-timestamp", "2026-12-03 - 19:40:00 +0000"));
        assertThat(ReleasePolicies.check(seeded)).containsExactly("Deployment/teams-cpe-session-service: "
                + "app.quarkus.io/build-timestamp holds a build time (every build would differ, and every upgrade "
                + "would roll the pods)");
    }

    @Test
    void aRoleBindingIsCaught() {
        Rendered seeded = Chart.defaults().editText(y -> y + "---\napiVersion: rbac.authorization.k8s.io/v1\n"
                + "kind: RoleBinding\nmetadata:\n  name: view\nroleRef: {apiGroup: rbac.authorization.k8s.io, "
                + "kind: ClusterRole, name: view}\n");
        assertThat(seeded.documents().stream().map(d -> d.path("kind").asText())).contains("RoleBinding");
        assertThat(ReleasePolicies.checkKinds(seeded)).containsExactly("RoleBinding/view: the chart renders no RoleBinding");
    }

    static ObjectNode deployment(List<ObjectNode> docs, String service) {
        return docs.stream().filter(d -> d.path("kind").asText().equals("Deployment")
                && d.path("metadata").path("name").asText().equals("teams-cpe-" + service)).findFirst().orElseThrow();
    }
}
