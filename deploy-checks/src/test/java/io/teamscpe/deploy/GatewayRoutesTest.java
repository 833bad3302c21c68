package io.teamscpe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamscpe.deploy.support.Chart;
import io.teamscpe.deploy.support.OpenApiDocuments;
import io.teamscpe.deploy.support.Rendered;
import io.teamscpe.deploy.support.Routes;
import io.teamscpe.deploy.support.SuiteService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gateway sends every path of every service's OpenAPI document (written when the service is built) to exactly
 * that service, and nothing under /internal or /q anywhere: for the HTTPRoutes and for the Ingress alternative.
 */
class GatewayRoutesTest {
    private static final List<String> NEVER_ROUTED = List.of("/internal/tokens", "/internal/keys/rotate",
            "/internal/audit/sessions/" + OpenApiDocuments.SAMPLE_ID, "/q/health", "/q/health/ready", "/q/metrics",
            "/q/openapi", "/q/swagger-ui/", "/internal", "/q",
            "/api/sessions/../internal/tokens", "/api/sessions/x/../../internal/tokens");

    static Stream<Arguments> routes() {
        return Stream.of(Arguments.of("HTTPRoutes (values-production.yaml)", Chart.production()),
                Arguments.of("Ingress", Chart.withIngress()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void everyPublicPathReachesExactlyItsOwner(String kind, Rendered rendered) {
        assertThat(misrouted(Routes.of(rendered))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void noRouteMatchesInternalOrManagementPaths(String kind, Rendered rendered) {
        Routes routes = Routes.of(rendered);
        for (String path : NEVER_ROUTED) {
            assertThat(routes.matching(path)).as(path).isEmpty();
        }
        assertThat(routes.all()).as("every match is under /api/ or is the OAuth callback")
                .allSatisfy(m -> assertThat(m.value()).matches("\\^?/(api/|webcast_credential_proxy_in/).*"));
    }

    @Test
    void eachServiceHasOneRouteWithItsOwnBackend() {
        assertThat(Chart.production().ofKind("HTTPRoute")).hasSize(SuiteService.values().length);
        assertThat(Chart.defaults().ofKind("HTTPRoute")).as("no route without gatewayApi.enabled").isEmpty();
    }

    @Test
    void aPathSentToTheWrongServiceIsCaught() {
        Rendered seeded = Chart.production().edit(docs -> route(docs, "teams-cpe-polling-service")
                .put("name", "teams-cpe-session-service"));

        assertThat(misrouted(Routes.of(seeded))).contains(
                "/api/sessions/{id}/polls (polling-service) reaches [teams-cpe-session-service]");
    }

    @Test
    void anOverlappingRouteIsCaught() {
        Rendered seeded = Chart.production().editText(y -> y.replace(
                "^/api/sessions/[0-9A-Za-z_-]+/(preflight|enrollments|launch)(/.*)?$", "^/api/sessions/.*$"));

        assertThat(misrouted(Routes.of(seeded))).contains("/api/sessions/{id}/attendance (attendance-ingest-service) "
                + "reaches [teams-cpe-attendance-ingest-service, teams-cpe-session-service]");
    }

    @Test
    void aRouteExposingInternalPathsIsCaught() {
        Rendered seeded = Chart.production().editText(y -> y.replace("value: \"/api/providers\"", "value: \"/\""));

        assertThat(misrouted(Routes.of(seeded))).contains("/internal/tokens (credential-service) must not be routed, "
                + "reaches [teams-cpe-credential-service]");
    }

    @Test
    void aPathNoRouteCoversIsCaught() {
        Rendered seeded = Chart.production().editText(y -> y.replace("|audit-bundle)", ")"));

        assertThat(misrouted(Routes.of(seeded)))
                .containsExactly("/api/sessions/{id}/audit-bundle (reporting-service) reaches []");
    }

    @Test
    void aMissingOpenApiDocumentFailsWithWhatToDo() {
        java.nio.file.Path nowhere = java.nio.file.Path.of("no-such-service/target/openapi/openapi.yaml");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpenApiDocuments.paths(nowhere, "no-such-service"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("The OpenAPI document of no-such-service is missing: " + nowhere)
                .hasMessageContaining("./mvnw -B -pl no-such-service -am package -DskipTests");
    }

    /** Every OpenAPI path that does not reach exactly its owner, or an internal one that reaches anything. */
    static List<String> misrouted(Routes routes) {
        List<String> out = new ArrayList<>();
        for (SuiteService s : SuiteService.values()) {
            for (String template : OpenApiDocuments.paths(s)) {
                Set<String> backends = routes.backends(OpenApiDocuments.concrete(template));
                String path = template + " (" + s.serviceName + ")";
                if (!OpenApiDocuments.isPublic(template)) {
                    if (!backends.isEmpty()) {
                        out.add(path + " must not be routed, reaches " + backends);
                    }
                } else if (!backends.equals(Set.of(s.resourceName()))) {
                    out.add(path + " reaches " + backends);
                }
            }
        }
        return out;
    }

    private static ObjectNode route(List<ObjectNode> docs, String name) {
        ObjectNode r = docs.stream().filter(d -> d.path("kind").asText().equals("HTTPRoute")
                && d.path("metadata").path("name").asText().equals(name)).findFirst().orElseThrow();
        return (ObjectNode) r.path("spec").path("rules").path(0).path("backendRefs").path(0);
    }
}
