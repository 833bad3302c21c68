package io.teamscpe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamscpe.deploy.support.PublicApi;
import io.teamscpe.deploy.support.ResourceStatuses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the public contract (the merged document) says what it does and documents the success
 * statuses the code really answers: 201 (with Location) for creations, 202 for accepted work, 204, 303 ... rather
 * than the 200 the generator assumes for a method returning a Response.
 */
class OpenApiCompletenessTest {
    private static final ObjectNode DOC = PublicApi.merge().document();
    private static final ResourceStatuses.Scan CODE = ResourceStatuses.scan();

    @Test
    void everyOperationHasASummary() {
        List<String> without = new ArrayList<>();
        operations().forEach((op, node) -> {
            if (node.path("summary").asText("").isBlank()) {
                without.add(op);
            }
        });
        assertThat(without).as("operations without a summary: add @Operation(summary = ...) to the resource method")
                .isEmpty();
    }

    @Test
    void everyOperationDocumentsTheSuccessStatusesTheCodeAnswers() {
        assertThat(CODE.unreadable()).as("resource methods whose success status the scan cannot read").isEmpty();
        Map<String, Set<String>> documented = new TreeMap<>();
        operations().forEach((op, node) -> {
            Set<String> codes = new TreeSet<>();
            node.path("responses").fieldNames().forEachRemaining(c -> {
                if (c.startsWith("2") || c.startsWith("3")) {
                    codes.add(c);
                }
            });
            documented.put(op, codes);
        });
        Map<String, Set<String>> answered = new TreeMap<>();
        CODE.statuses().forEach((op, codes) -> {
            if (PublicApi.isPublic(op.substring(op.indexOf(' ') + 1))) {
                answered.put(op, codes);
            }
        });
        assertThat(documented).as("success statuses in the contract vs what the resources answer: declare each "
                + "with @APIResponse (201 with a Location header for a creation)").isEqualTo(answered);
    }

    @Test
    void everyCreationAndRedirectDocumentsItsLocation() {
        List<String> without = new ArrayList<>();
        CODE.locations().forEach((op, status) -> {
            if (DOC.path("paths").path(op.substring(op.indexOf(' ') + 1)).path(op.substring(0, op.indexOf(' '))
                    .toLowerCase()).path("responses").path(status).path("headers").path("Location").isMissingNode()) {
                without.add(op + " " + status);
            }
        });
        assertThat(CODE.locations()).containsKeys("POST /api/sessions", "POST /api/providers", "POST /api/rulesets");
        assertThat(without).as("responses that set Location (platform web/Created, a redirect) without documenting "
                + "it: @APIResponse(..., headers = @Header(name = \"Location\", ...))").isEmpty();
    }

    @Test
    void theScanReadsTheKnownStatuses() {
        assertThat(CODE.statuses()).containsEntry("POST /api/sessions", Set.of("201"))
                .containsEntry("POST /api/sessions/{id}/attendance/refresh", Set.of("202"))
                .containsEntry("DELETE /api/providers/{id}", Set.of("204"))
                .containsEntry("GET " + PublicApi.OAUTH_REDIRECT, Set.of("303"))
                .containsEntry("POST /api/sessions/{id}/polls", Set.of("200", "201"))
                .containsEntry("GET /api/sessions/{id}/completion", Set.of("200", "304"));
    }

    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> out = new TreeMap<>();
        DOC.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                out.put(op.getKey().toUpperCase() + " " + p.getKey(), op.getValue());
            }
        }));
        return out;
    }
}
