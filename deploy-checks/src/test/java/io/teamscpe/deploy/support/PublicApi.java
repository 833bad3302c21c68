package io.teamscpe.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The gateway's public surface as one OpenAPI 3.1 document (docs/openapi.yaml): the paths under /api and the OAuth
 * redirect path of the five services' generated documents ({@code <module>/target/openapi/openapi.yaml}), the
 * schemas, examples and tags those paths use, one security scheme. Nothing under /internal or /q. Paths, schemas and
 * examples are sorted, so the same service documents always give the same file. A schema or an example two services
 * define must be defined the same (the problem examples every service documents, the Problem schema).
 */
public final class PublicApi {
    public static final Path COMMITTED = Repo.ROOT.resolve("docs/openapi.yaml");
    /** The organizer's browser comes back here from Microsoft's sign-in (credential-service, no token). */
    public static final String OAUTH_REDIRECT = "/webcast_credential_proxy_in/MicrosoftTeamsUtility";
    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final String EXAMPLE_REF = "#/components/examples/";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The merge, and what kept it from being clean (the same path or schema defined differently twice). */
    public record Merge(ObjectNode document, List<String> conflicts) {
    }

    private PublicApi() {
    }

    public static boolean isPublic(String path) {
        return path.equals("/api") || path.startsWith("/api/") || path.equals(OAUTH_REDIRECT)
                || path.startsWith(OAUTH_REDIRECT + "/");
    }

    /** The merge of what the services generate now. */
    public static Merge merge() {
        return merge(documents());
    }

    /** Each service's generated document, by service name. */
    public static Map<String, ObjectNode> documents() {
        Map<String, ObjectNode> documents = new TreeMap<>();
        for (SuiteService s : SuiteService.values()) {
            OpenApiDocuments.paths(s); // fails with what to do when a document is missing
            documents.put(s.serviceName, Yaml.documents(OpenApiDocuments.location(s)).get(0));
        }
        return documents;
    }

    /** The service serving each public path. */
    public static Map<String, String> owners() {
        Map<String, String> owners = new TreeMap<>();
        documents().forEach((service, doc) -> doc.path("paths").fieldNames().forEachRemaining(p -> {
            if (isPublic(p)) {
                owners.put(p, service);
            }
        }));
        return owners;
    }

    public static Merge merge(Map<String, ObjectNode> documents) {
        List<String> conflicts = new ArrayList<>();
        TreeMap<String, JsonNode> paths = new TreeMap<>();
        TreeMap<String, JsonNode> schemas = new TreeMap<>();
        TreeMap<String, JsonNode> examples = new TreeMap<>();
        Map<String, JsonNode> tags = new TreeMap<>();
        documents.forEach((service, doc) -> {
            doc.path("paths").fields().forEachRemaining(p -> {
                if (isPublic(p.getKey())) {
                    putOnce(paths, p.getKey(), p.getValue(), "path " + p.getKey() + " (" + service + ")", conflicts);
                }
            });
            doc.path("tags").forEach(t -> tags.putIfAbsent(t.path("name").asText(), t));
        });
        // only the examples and schemas the public paths reach, so that internal payloads stay out
        for (String name : refs(paths.values(), EXAMPLE_REF)) {
            for (var doc : documents.entrySet()) {
                JsonNode example = doc.getValue().path("components").path("examples").path(name);
                if (!example.isMissingNode()) {
                    putOnce(examples, name, example, "example " + name + " (" + doc.getKey() + ")", conflicts);
                }
            }
        }
        Deque<String> todo = new ArrayDeque<>(refs(paths.values(), SCHEMA_REF));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (schemas.containsKey(name)) {
                continue;
            }
            for (var doc : documents.entrySet()) {
                JsonNode schema = doc.getValue().path("components").path("schemas").path(name);
                if (!schema.isMissingNode()) {
                    putOnce(schemas, name, schema, "schema " + name + " (" + doc.getKey() + ")", conflicts);
                }
            }
            if (schemas.containsKey(name)) {
                todo.addAll(refs(List.of(schemas.get(name)), SCHEMA_REF));
            }
        }
        return new Merge(document(documents.values().iterator().next(), paths, schemas, examples,
                usedTags(paths, tags)), conflicts);
    }

    private static ObjectNode document(ObjectNode any, Map<String, JsonNode> paths, Map<String, JsonNode> schemas,
                                       Map<String, JsonNode> examples, List<JsonNode> tags) {
        ObjectNode doc = JSON.objectNode();
        doc.put("openapi", any.path("openapi").asText());
        ObjectNode info = doc.putObject("info");
        info.put("title", "Teams CPE public API");
        info.put("version", any.path("info").path("version").asText());
        info.put("description", "Everything the gateway routes to the Teams CPE services: /api (a bearer token of "
                + "the firm's identity provider, audience teamscpe-api, with its firm_id and roles claims) and the "
                + "OAuth redirect path (the organizer's browser, no token). Merged from the services' own documents "
                + "(/q/openapi of each). Every error is an RFC 9457 problem (application/problem+json): a client "
                + "switches on its type URI, which never changes for a kind of error; each operation lists the types "
                + "it can return under their statuses, with an example body, and docs/problems.md says when each "
                + "happens and what the user should do. Any URL can also answer 414 uri-too-long (longer than 8,192 "
                + "characters), and http-404, http-405 or http-406 for a path, method or Accept the API does not "
                + "serve. What may change in /api without notice and what needs /api/v2: the README's Compatibility "
                + "policy; a breaking change also bumps info.version's major.");
        doc.putArray("servers").addObject().put("url", "/")
                .put("description", "the gateway: your deployment's site base URL (chart value config.siteBaseUrl)");
        doc.putArray("tags").addAll(tags);
        ObjectNode outPaths = doc.putObject("paths");
        paths.forEach(outPaths::set);
        ObjectNode components = doc.putObject("components");
        ObjectNode outSchemas = components.putObject("schemas");
        schemas.forEach(outSchemas::set);
        if (!examples.isEmpty()) {
            ObjectNode outExamples = components.putObject("examples");
            examples.forEach(outExamples::set);
        }
        // the services name it openIdConnect without the IdP's URL (the firm's, known only at deployment): what a
        // client needs is a bearer token; OpenAPI 3.1 lets the requirements list the roles an operation needs
        components.putObject("securitySchemes").putObject("SecurityScheme").put("type", "http")
                .put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "An access token of the firm's identity provider (audience teamscpe-api, claims "
                        + "firm_id and roles); an operation's security requirement lists the roles it accepts.");
        return doc;
    }

    private static void putOnce(Map<String, JsonNode> into, String key, JsonNode value, String what,
                                List<String> conflicts) {
        JsonNode before = into.putIfAbsent(key, value);
        if (before != null && !before.equals(value)) {
            conflicts.add(what + " differs from the one already merged");
        }
    }

    private static Set<String> refs(Iterable<JsonNode> nodes, String prefix) {
        Set<String> out = new LinkedHashSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        nodes.forEach(todo::push);
        while (!todo.isEmpty()) {
            JsonNode n = todo.pop();
            String ref = n.path("$ref").asText("");
            if (ref.startsWith(prefix)) {
                out.add(ref.substring(prefix.length()));
            }
            n.elements().forEachRemaining(todo::push);
        }
        return out;
    }

    private static List<JsonNode> usedTags(Map<String, JsonNode> paths, Map<String, JsonNode> tags) {
        Set<String> used = new LinkedHashSet<>();
        paths.values().forEach(item -> item.elements().forEachRemaining(op -> op.path("tags")
                .forEach(t -> used.add(t.asText()))));
        List<JsonNode> out = new ArrayList<>();
        used.stream().sorted().forEach(name -> {
            JsonNode tag = tags.get(name);
            out.add(tag != null ? tag : JSON.objectNode().put("name", name));
        });
        return out;
    }
}
