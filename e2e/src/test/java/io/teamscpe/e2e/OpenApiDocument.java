package io.teamscpe.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamscpe.devstack.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A service's OpenAPI document as it serves it ({@code /q/openapi?format=json}): every operation with its parameters
 * and request body, schemas with their {@code $ref}s resolved, and a plausible value for any schema.
 */
final class OpenApiDocument {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** A path, query or header parameter. */
    record Param(String name, String in, boolean required, JsonNode schema) {
    }

    /** One path × method; {@code mediaType} and {@code bodySchema} are null when it takes no body. */
    record Operation(String service, String method, String path, List<Param> params, String mediaType,
                     JsonNode bodySchema) {
        boolean internal() {
            return path.equals("/internal") || path.startsWith("/internal/");
        }

        boolean multipart() {
            return mediaType != null && mediaType.toLowerCase(Locale.ROOT).startsWith("multipart/");
        }

        boolean json() {
            return mediaType != null && mediaType.toLowerCase(Locale.ROOT).contains("json");
        }

        List<Param> params(String in) {
            return params.stream().filter(p -> p.in().equals(in)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final String service;
    private final JsonNode doc;
    /** Where the document was found: the service port, or the management port when the service port has none. */
    private final String source;

    private OpenApiDocument(String service, JsonNode doc, String source) {
        this.service = service;
        this.doc = doc;
        this.source = source;
    }

    /** The document from the service port, or — if that answers anything but 200 — from its management port. */
    static OpenApiDocument fetch(HttpClient http, String service, String baseUrl, ServiceProcess process) {
        List<String> tried = new ArrayList<>();
        for (String root : List.of(baseUrl, process.managementUrl())) {
            String url = root + "/q/openapi?format=json";
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return new OpenApiDocument(service, JSON.readTree(r.body()), url);
                }
                tried.add(url + " → HTTP " + r.statusCode());
            } catch (IOException e) {
                tried.add(url + " → " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(service + " serves no OpenAPI document: " + tried);
    }

    String source() {
        return source;
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operations.add(operation(path.getKey(), path.getValue(), op.getKey(), op.getValue()));
                }
            }
        }
        return operations;
    }

    private Operation operation(String path, JsonNode pathItem, String method, JsonNode op) {
        Map<String, Param> params = new LinkedHashMap<>();
        for (JsonNode source : List.of(pathItem.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : source) {
                JsonNode param = resolve(p);
                String in = param.path("in").asText();
                params.put(in + ":" + param.path("name").asText(), new Param(param.path("name").asText(), in,
                        param.path("required").asBoolean(in.equals("path")), resolve(param.path("schema"))));
            }
        }
        String mediaType = null;
        JsonNode bodySchema = null;
        JsonNode content = resolve(op.path("requestBody")).path("content");
        for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            if (mediaType == null || type.getKey().contains("json")) {
                mediaType = type.getKey();
                bodySchema = resolve(type.getValue().path("schema"));
            }
        }
        return new Operation(service, method.toUpperCase(Locale.ROOT), path, List.copyOf(params.values()), mediaType,
                bodySchema);
    }

    /** {@code schema} with its {@code $ref} (chains too) replaced by the target, sibling keywords kept on top. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current.has("$ref") && hops < 20; hops++) {
            String ref = current.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new AssertionError(service + ": unsupported $ref " + ref);
            }
            JsonNode target = doc.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new AssertionError(service + ": dangling $ref " + ref);
            }
            ObjectNode merged = ((ObjectNode) target).deepCopy();
            current.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("$ref")) {
                    merged.set(f.getKey(), f.getValue());
                }
            });
            current = merged;
        }
        return current;
    }

    /** The schema's type: its first non-null {@code type}, else what its keywords imply ("" if nothing does). */
    static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "";
    }

    /** A plausible value: the schema's example, default or first enum value, else one built from its type. */
    JsonNode example(JsonNode raw, int depth) {
        JsonNode schema = resolve(raw);
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            return schema.path("examples").get(0);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("default")) {
            return schema.get("default");
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        switch (typeOf(schema)) {
            case "integer":
                return NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "number":
                return NODES.numberNode(1);
            case "boolean":
                return NODES.booleanNode(true);
            case "array": {
                ArrayNode array = NODES.arrayNode();
                if (depth < 6) {
                    array.add(example(schema.path("items"), depth + 1));
                }
                return array;
            }
            case "object": {
                ObjectNode object = NODES.objectNode();
                if (depth < 6) {
                    schema.path("properties").fields().forEachRemaining(
                            f -> object.set(f.getKey(), example(f.getValue(), depth + 1)));
                }
                return object;
            }
            default:
                return NODES.textNode(switch (schema.path("format").asText()) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date-time" -> "2026-10-05T16:00:00Z";
                    case "date" -> "2027-01-01";
                    default -> "hostile walk";
                });
        }
    }
}
