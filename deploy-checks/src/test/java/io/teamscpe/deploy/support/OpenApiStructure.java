package io.teamscpe.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structural validation of an OpenAPI 3.1 document, for want of swagger-parser offline: a hand-written JSON Schema
 * of the members the document uses (src/test/resources/openapi-3.1-structure.schema.json), every local $ref resolves,
 * every {parameter} of a path template is declared as a path parameter of each of its operations, operationIds are
 * unique and every security requirement names a declared scheme.
 */
public final class OpenApiStructure {
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("classpath:openapi-3.1-structure.schema.json"));
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}/]+)}");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiStructure() {
    }

    /** What is wrong with the document; empty when it is a well-formed OpenAPI 3.1 document. */
    public static List<String> violations(ObjectNode doc) {
        List<String> out = new ArrayList<>(SCHEMA.validate(doc.toString(), InputFormat.JSON).stream()
                .map(Error::toString).toList());
        unresolvedRefs(doc, out);
        Set<String> operationIds = new HashSet<>();
        Set<String> schemes = new HashSet<>();
        doc.path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            templateParameters(path.getKey(), path.getValue(), op.getValue(), where, out);
            String id = op.getValue().path("operationId").asText(null);
            if (id != null && !operationIds.add(id)) {
                out.add(where + ": operationId " + id + " is used twice");
            }
            op.getValue().path("security").forEach(req -> req.fieldNames().forEachRemaining(name -> {
                if (!schemes.contains(name)) {
                    out.add(where + ": security scheme " + name + " is not declared");
                }
            }));
        }));
        return out;
    }

    private static void templateParameters(String path, JsonNode item, JsonNode op, String where, List<String> out) {
        Set<String> declared = new HashSet<>();
        for (JsonNode parameters : List.of(item.path("parameters"), op.path("parameters"))) {
            parameters.forEach(p -> {
                if ("path".equals(p.path("in").asText())) {
                    declared.add(p.path("name").asText());
                }
            });
        }
        Matcher m = TEMPLATE_PARAMETER.matcher(path);
        Set<String> inTemplate = new HashSet<>();
        while (m.find()) {
            inTemplate.add(m.group(1));
            if (!declared.contains(m.group(1))) {
                out.add(where + ": path parameter {" + m.group(1) + "} is not declared");
            }
        }
        declared.stream().filter(d -> !inTemplate.contains(d))
                .forEach(d -> out.add(where + ": path parameter " + d + " is not in the path"));
    }

    private static void unresolvedRefs(ObjectNode doc, List<String> out) {
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(doc);
        while (!todo.isEmpty()) {
            JsonNode n = todo.pop();
            JsonNode ref = n.get("$ref");
            if (ref != null && ref.isTextual()) {
                String r = ref.asText();
                if (!r.startsWith("#/") || doc.at(r.substring(1)).isMissingNode()) {
                    out.add("$ref " + r + " does not resolve inside the document");
                }
            }
            n.elements().forEachRemaining(todo::push);
        }
    }
}
