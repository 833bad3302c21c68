package io.teamscpe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.teamscpe.deploy.support.ContractCompatibility;
import io.teamscpe.deploy.support.OpenApiDocuments;
import io.teamscpe.deploy.support.OpenApiStructure;
import io.teamscpe.deploy.support.PublicApi;
import io.teamscpe.deploy.support.SuiteService;
import io.teamscpe.deploy.support.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml is the gateway's public contract: the merge of the five services' generated OpenAPI documents
 * (/api and the OAuth redirect path, no /internal). The contract-drift check: the build fails when what the services
 * now generate differs from the committed file. Run with -Dopenapi.write=true to write the merge instead, and
 * commit it with the change that made it differ. Writing never hides a breaking change: when the merge would break
 * clients of the committed contract (openapi-diff: an operation or field removed, a type narrowed, a new required
 * parameter) the file is not written and the test fails with the list, unless info.version's major was bumped
 * ({@link ContractCompatibility}). The merge is also validated by swagger-parser.
 */
class OpenApiContractTest {
    private static final String HOW_TO_UPDATE = "./mvnw -B verify -pl deploy-checks -am -Dtest=OpenApiContractTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true (after the services were packaged, e.g. "
            + "by ./mvnw -B verify)";

    @Test
    void theCommittedContractIsWhatTheServicesGenerate() throws IOException {
        PublicApi.Merge merge = PublicApi.merge();
        assertThat(merge.conflicts()).as("the same path or schema defined differently by two services").isEmpty();
        String merged = Yaml.write(List.of(merge.document()));
        if (Boolean.getBoolean("openapi.write")) {
            if (Files.exists(PublicApi.COMMITTED)) {
                ContractCompatibility.Verdict verdict = ContractCompatibility.compare(
                        Yaml.documents(PublicApi.COMMITTED).get(0), merge.document());
                assertThat(verdict.refused()).as("docs/openapi.yaml was NOT rewritten: %s", verdict.explain())
                        .isFalse();
            }
            Files.writeString(PublicApi.COMMITTED, merged);
        }
        assertThat(Files.exists(PublicApi.COMMITTED)).as(PublicApi.COMMITTED + " is missing; write it with "
                + HOW_TO_UPDATE).isTrue();
        ObjectNode committed = Yaml.documents(PublicApi.COMMITTED).get(0);
        List<String> drift = new ArrayList<>();
        differences(committed, merge.document(), "", drift);
        assertThat(drift).as("docs/openapi.yaml differs from the merge of the services' OpenAPI documents at these "
                + "places: the public API changed. Write the file with " + HOW_TO_UPDATE + ", review the change "
                + "(git diff docs/openapi.yaml) and commit it with the code that made it").isEmpty();
    }

    /** JSON pointers where the two trees differ (the first 30), e.g. /paths/~1api~1sessions/post/responses. */
    private static void differences(JsonNode was, JsonNode is, String at, List<String> out) {
        if (out.size() >= 30 || was.equals(is)) {
            return;
        }
        if (was.isObject() && is.isObject()) {
            Set<String> names = new TreeSet<>();
            was.fieldNames().forEachRemaining(names::add);
            is.fieldNames().forEachRemaining(names::add);
            names.forEach(n -> differences(was.path(n), is.path(n), at + "/" + n.replace("~", "~0")
                    .replace("/", "~1"), out));
        } else {
            out.add((at.isEmpty() ? "/" : at) + (was.isMissingNode() ? " (added)" : is.isMissingNode()
                    ? " (removed)" : " (changed)"));
        }
    }

    @Test
    void theMergedContractIsAWellFormedOpenApiDocument() {
        assertThat(OpenApiStructure.violations(PublicApi.merge().document())).isEmpty();
    }

    @Test
    void theMergedContractValidatesWithSwaggerParser() {
        SwaggerParseResult parsed = swaggerParser(PublicApi.merge().document());
        assertThat(parsed.getOpenAPI()).as("swagger-parser read no document").isNotNull();
        assertThat(parsed.getMessages()).as("swagger-parser's messages on the merged contract").isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).containsKey("/api/sessions");
        assertThat(parsed.getOpenAPI().getComponents().getSchemas()).containsKey("Problem");
    }

    @Test
    void swaggerParserReportsABrokenDocument() {
        ObjectNode doc = PublicApi.merge().document().deepCopy();
        ((ObjectNode) doc.path("paths").path("/api/sessions").path("post")).remove("responses");
        ((ObjectNode) doc.path("components").path("schemas")).remove("SessionView");
        assertThat(String.join("\n", swaggerParser(doc).getMessages()))
                .contains("paths.'/api/sessions'(post).responses is missing");
    }

    @Test
    void theMergedContractIsCompatibleWithTheCommittedOne() {
        assertThat(Files.exists(PublicApi.COMMITTED)).isTrue();
        ContractCompatibility.Verdict verdict = ContractCompatibility.compare(
                Yaml.documents(PublicApi.COMMITTED).get(0), PublicApi.merge().document());
        assertThat(verdict.refused()).as("%s", verdict.explain()).isFalse();
    }

    @Test
    void aBreakingChangeIsRefusedUnlessInfoVersionsMajorIsBumped() {
        ObjectNode before = PublicApi.merge().document();
        ObjectNode after = before.deepCopy();
        ((ObjectNode) after.path("paths").path("/api/providers/{id}")).remove("delete");
        ((com.fasterxml.jackson.databind.node.ArrayNode) after.path("paths").path("/api/sessions").path("get")
                .path("parameters")).addObject().put("name", "firmUnit").put("in", "query").put("required", true)
                .putObject("schema").put("type", "string");

        ContractCompatibility.Verdict broken = ContractCompatibility.compare(before, after);
        assertThat(broken.refused()).isTrue();
        assertThat(broken.explain()).contains("removed: DELETE /api/providers/{id}")
                .contains("GET /api/sessions: new required query parameter firmUnit")
                .contains("/api/v2");

        ((ObjectNode) after.path("info")).put("version", "2.0.0");
        assertThat(ContractCompatibility.compare(before, after).refused()).as("acknowledged by the major").isFalse();

        ObjectNode added = before.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) added.path("paths").path("/api/sessions").path("get")
                .path("parameters")).addObject().put("name", "title").put("in", "query")
                .putObject("schema").put("type", "string");
        assertThat(ContractCompatibility.compare(before, added).breaks()).as("a new optional parameter").isEmpty();
    }

    private static SwaggerParseResult swaggerParser(ObjectNode doc) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(Yaml.write(List.of(doc)), null, options);
    }

    @Test
    void theContractHoldsEveryPublicPathAndNothingInternal() {
        ObjectNode doc = PublicApi.merge().document();
        List<String> paths = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(paths::add);
        List<String> expected = new ArrayList<>();
        for (SuiteService s : SuiteService.values()) {
            OpenApiDocuments.paths(s).stream().filter(OpenApiDocuments::isPublic).forEach(expected::add);
        }
        assertThat(paths).as("every path a service serves outside /internal and /q (a public path outside /api "
                + "and the OAuth redirect would be left out: route it, or move it under /api)")
                .containsExactlyInAnyOrderElementsOf(expected)
                .contains("/api/sessions/{id}/launch", PublicApi.OAUTH_REDIRECT)
                .noneMatch(p -> p.startsWith("/internal") || p.startsWith("/q/"));
        assertThat(doc.path("components").path("schemas").has("BrokeredToken"))
                .as("a schema only /internal/tokens uses stays out").isFalse();
    }

    @Test
    void aBrokenDocumentIsRefusedByTheStructuralCheck() {
        ObjectNode doc = PublicApi.merge().document().deepCopy();
        ObjectNode launch = (ObjectNode) doc.path("paths").path("/api/sessions/{id}/launch").path("get");
        launch.remove("parameters");
        ((ObjectNode) launch.path("responses").path("200")).remove("description");
        ((ObjectNode) doc.path("components").path("schemas")).remove("LaunchView");

        assertThat(String.join("\n", OpenApiStructure.violations(doc)))
                .contains("/responses/200: required property 'description' not found")
                .contains("GET /api/sessions/{id}/launch: path parameter {id} is not declared")
                .contains("$ref #/components/schemas/LaunchView does not resolve");
    }

    @Test
    void twoServicesDefiningOneSchemaDifferentlyIsAConflict() {
        ObjectNode a = Yaml.documents("openapi: 3.1.0\npaths:\n  /api/a:\n    get:\n      responses:\n"
                + "        '200':\n          description: OK\n          content:\n            application/json:\n"
                + "              schema:\n                $ref: '#/components/schemas/X'\n"
                + "components:\n  schemas:\n    X:\n      type: string\n").get(0);
        ObjectNode b = a.deepCopy();
        ((ObjectNode) b.path("components").path("schemas").path("X")).put("type", "integer");

        assertThat(PublicApi.merge(Map.of("a", a, "b", b)).conflicts()).singleElement().asString()
                .contains("schema X");
    }
}
