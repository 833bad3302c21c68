package io.teamscpe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamscpe.deploy.support.OpenApiCompleteness;
import io.teamscpe.deploy.support.ProblemCatalogue;
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
 * than the 200 the generator assumes for a method returning a Response; and it is a contract the LMS developers can
 * build on: a description, request and success examples, every problem type it can return under its status with an
 * example body whose type is in docs/problems.md ({@link OpenApiCompleteness} says exactly what is owed). The
 * descriptions, examples and problem responses are in each service's src/main/resources/META-INF/openapi.yaml.
 */
class OpenApiCompletenessTest {
    private static final ObjectNode DOC = PublicApi.merge().document();
    private static final ResourceStatuses.Scan CODE = ResourceStatuses.scan();
    private static final String WHERE = "add it to the service's src/main/resources/META-INF/openapi.yaml (merged "
            + "with the annotations by path and method)";

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
                .containsEntry("GET /api/sessions/{id}/completion", Set.of("200", "304"))
                .containsEntry("GET /api/sessions/{id}", Set.of("200", "304"));
    }

    @Test
    void everyOperationIsDocumentedForTheLmsDevelopers() {
        assertThat(OpenApiCompleteness.violations(DOC, PublicApi.owners(), ProblemCatalogue.read()))
                .as("what the public contract owes its readers and does not give: " + WHERE).isEmpty();
    }

    @Test
    void theProblemTypesAnOperationListsAreInTheCatalogue() {
        ProblemCatalogue catalogue = ProblemCatalogue.read();
        Map<String, String> owners = PublicApi.owners();
        List<String> unknown = new ArrayList<>();
        operations().forEach((op, node) -> node.path("responses").fields().forEachRemaining(r -> {
            JsonNode media = r.getValue().path("content").path(OpenApiCompleteness.PROBLEM_JSON);
            for (JsonNode v : OpenApiCompleteness.exampleValues(DOC, media)) {
                String slug = v.path("type").asText().replace(ProblemCatalogue.TYPE_BASE, "");
                String owner = owners.get(op.substring(op.indexOf(' ') + 1));
                if (catalogue.find(owner, slug, Integer.parseInt(r.getKey())).isEmpty()) {
                    unknown.add(op + " " + r.getKey() + " " + slug);
                }
            }
        }));
        assertThat(catalogue.entries()).hasSizeGreaterThan(50);
        assertThat(unknown).as("problem types listed in the contract that docs/problems.md does not list with that "
                + "status for the service (or platform)").isEmpty();
    }

    @Test
    void theWalkRefusesAnOperationWithoutItsDocumentation() {
        ObjectNode doc = DOC.deepCopy();
        ObjectNode create = (ObjectNode) doc.path("paths").path("/api/sessions").path("post");
        create.remove("description");
        ((ObjectNode) create.path("requestBody").path("content").path("application/json")).remove("examples");
        ((ObjectNode) create.path("responses").path("201").path("content").path("application/json"))
                .remove("examples");
        ((ObjectNode) create.path("responses")).remove("409");
        ((ObjectNode) doc.path("paths").path("/api/sessions/{id}").path("put").path("responses")).remove("409");
        ((ObjectNode) doc.path("paths").path("/api/sessions/{id}").path("patch").path("responses")).remove("409");
        ((ObjectNode) create.path("responses")).remove("401");
        ObjectNode refused = (ObjectNode) create.path("responses").path("422").path("content")
                .path(OpenApiCompleteness.PROBLEM_JSON);
        refused.putObject("examples").putObject("made-up").putObject("value")
                .put("type", ProblemCatalogue.TYPE_BASE + "meeting-too-boring").put("title", "Boring")
                .put("status", 422).put("detail", "Nobody would attend.");

        assertThat(String.join("\n", OpenApiCompleteness.violations(doc, PublicApi.owners(),
                ProblemCatalogue.read())))
                .contains("POST /api/sessions: no description")
                .contains("POST /api/sessions: request body application/json has no example")
                .contains("POST /api/sessions: success response 201 application/json has no example")
                .contains("POST /api/sessions: does not document 401 unauthorized")
                .contains("POST /api/sessions 422: problem type meeting-too-boring with status 422 is not in "
                        + "docs/problems.md")
                .contains("docs/problems.md: session-service answers join-url-in-use with 409, but no public "
                        + "operation of session-service documents it");
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
