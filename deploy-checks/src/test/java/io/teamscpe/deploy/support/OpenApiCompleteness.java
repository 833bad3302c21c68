package io.teamscpe.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the public contract owes its readers for every operation, walked over a merged document: a description; an
 * example of every request body and of every JSON success response; and every problem it can return, each under its
 * status as {@code application/problem+json} with the {@link #PROBLEM_SCHEMA} schema and an example body whose
 * {@code type} and status are a row of docs/problems.md (the owning service's table or platform's). On top of the
 * operation's own problems, what platform answers wherever it applies: 401 {@code unauthorized}, 403
 * {@code forbidden}, {@code no-firm}, {@code origin-not-allowed} on /api; 500 {@code internal-error} everywhere;
 * 404 for a path with an id; 400 {@code invalid-parameter} for a parameter that must convert; for a JSON body 400
 * {@code malformed-body}, {@code validation-failed}, {@code control-character}, 413 {@code body-too-large}, 415
 * {@code http-415}; for an upload 400 {@code no-files}/{@code no-file}, 413, 415. Finally every row of the catalogue
 * is documented on at least one operation of its service, unless it is one the public API cannot answer.
 *
 * <p>The descriptions, examples and problem responses live in each service's
 * {@code src/main/resources/META-INF/openapi.yaml}, which SmallRye OpenAPI merges with the annotations by path and
 * method (the annotations win on a value both give).
 */
public final class OpenApiCompleteness {
    public static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}/]+)}");
    /**
     * Catalogue rows no public operation answers, and why: "module slug status". Platform's rows count when any
     * operation documents them, a service's when one of its own does.
     */
    public static final Map<String, String> NOT_ON_PUBLIC_OPERATIONS = Map.of(
            "platform internal-only 403", "answered on /internal paths only",
            "platform uri-too-long 414", "any URL over 8,192 characters, before routing: said once in info.description",
            "credential-service organizer-required 400", "the internal token broker's",
            "credential-service organizer-mismatch 409", "the internal token broker's",
            "credential-service organizer-sign-in-required 409", "the internal token broker's (validation reports it "
                    + "as a status code, not a problem)",
            "credential-service master-key-missing 409", "the operators' key rotation (/internal/keys/rotate)",
            "attendance-ingest-service no-snapshot 404", "the internal republish endpoint's");

    private OpenApiCompleteness() {
    }

    /** Everything the document owes; {@code owners} names the service serving each path. */
    public static List<String> violations(ObjectNode doc, Map<String, String> owners, ProblemCatalogue catalogue) {
        List<String> out = new ArrayList<>();
        Map<String, Set<String>> documented = new TreeMap<>(); // "module slug status" documented somewhere
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            String owner = owners.getOrDefault(path.getKey(), "?");
            operation(doc, where, path.getKey(), path.getValue(), op.getValue(), owner, catalogue, documented, out);
        }));
        coverage(catalogue, documented, out);
        return out;
    }

    private static void operation(ObjectNode doc, String where, String path, JsonNode item, JsonNode op, String owner,
                                  ProblemCatalogue catalogue, Map<String, Set<String>> documented, List<String> out) {
        if (op.path("description").asText("").isBlank()) {
            out.add(where + ": no description (say what it does for the administrator and when to call it)");
        }
        JsonNode body = op.path("requestBody");
        boolean jsonBody = false;
        boolean multipart = false;
        if (!body.isMissingNode()) {
            var media = body.path("content").fields();
            while (media.hasNext()) {
                var m = media.next();
                jsonBody |= m.getKey().contains("json");
                multipart |= m.getKey().startsWith("multipart/");
                if (!hasExample(doc, m.getValue())) {
                    out.add(where + ": request body " + m.getKey() + " has no example");
                }
            }
        }
        Map<Integer, Set<String>> problems = new TreeMap<>();
        boolean success = false;
        var responses = op.path("responses").fields();
        while (responses.hasNext()) {
            var r = responses.next();
            int status = r.getKey().matches("\\d{3}") ? Integer.parseInt(r.getKey()) : -1;
            if (status >= 200 && status < 400) {
                success = true;
                var media = r.getValue().path("content").fields();
                while (media.hasNext()) {
                    var m = media.next();
                    if (m.getKey().contains("json") && !hasExample(doc, m.getValue())) {
                        out.add(where + ": success response " + status + " " + m.getKey() + " has no example");
                    }
                }
            } else if (status >= 400) {
                problems.put(status, problemResponse(doc, where, status, r.getValue(), owner, catalogue,
                        documented, out));
            }
        }
        if (!success) {
            out.add(where + ": no success response");
        }
        required(where, path, item, op, jsonBody, multipart, problems, out);
    }

    /** The slugs a problem response documents, each checked against the catalogue. */
    private static Set<String> problemResponse(ObjectNode doc, String where, int status, JsonNode response,
                                               String owner, ProblemCatalogue catalogue,
                                               Map<String, Set<String>> documented, List<String> out) {
        Set<String> slugs = new TreeSet<>();
        String at = where + " " + status;
        JsonNode media = response.path("content").path(PROBLEM_JSON);
        if (media.isMissingNode()) {
            out.add(at + ": not documented as " + PROBLEM_JSON);
            return slugs;
        }
        if (!PROBLEM_SCHEMA.equals(media.path("schema").path("$ref").asText())) {
            out.add(at + ": its schema is not " + PROBLEM_SCHEMA);
        }
        List<JsonNode> values = exampleValues(doc, media);
        if (values.isEmpty()) {
            out.add(at + ": no example problem body");
        }
        for (JsonNode v : values) {
            String type = v.path("type").asText("");
            if (!type.startsWith(ProblemCatalogue.TYPE_BASE)) {
                out.add(at + ": example type '" + type + "' is not under " + ProblemCatalogue.TYPE_BASE);
                continue;
            }
            String slug = type.substring(ProblemCatalogue.TYPE_BASE.length());
            if (v.path("status").asInt() != status) {
                out.add(at + ": example " + slug + " says status " + v.path("status") + ", documented under "
                        + status);
            }
            if (v.path("title").asText("").isBlank() || v.path("detail").asText("").isBlank()) {
                out.add(at + ": example " + slug + " lacks a title or a detail");
            }
            var entry = catalogue.find(owner, slug, status);
            if (entry.isEmpty()) {
                out.add(at + ": problem type " + slug + " with status " + status + " is not in docs/problems.md "
                        + "(neither " + owner + "'s table nor platform's)");
            } else {
                documented.computeIfAbsent(entry.get().module() + " " + entry.get().slug(), k -> new TreeSet<>())
                        .add(String.valueOf(status));
            }
            slugs.add(slug);
        }
        return slugs;
    }

    /** What platform answers wherever it applies. */
    private static void required(String where, String path, JsonNode item, JsonNode op, boolean jsonBody,
                                 boolean multipart, Map<Integer, Set<String>> problems, List<String> out) {
        List<String> missing = new ArrayList<>();
        if (PublicApi.isPublic(path) && path.startsWith("/api")) {
            need(problems, 401, "unauthorized", missing);
            need(problems, 403, "forbidden", missing);
            need(problems, 403, "no-firm", missing);
            need(problems, 403, "origin-not-allowed", missing);
        }
        need(problems, 500, "internal-error", missing);
        if (jsonBody) {
            need(problems, 400, "malformed-body", missing);
            need(problems, 400, "validation-failed", missing);
            need(problems, 400, "control-character", missing);
        }
        if (multipart && !problems.getOrDefault(400, Set.of()).contains("no-files")
                && !problems.getOrDefault(400, Set.of()).contains("no-file")) {
            missing.add("400 no-files (or no-file)");
        }
        if (jsonBody || multipart) {
            need(problems, 413, "body-too-large", missing);
            need(problems, 415, "http-415", missing);
        }
        Matcher m = TEMPLATE_PARAMETER.matcher(path);
        if (m.find() && !problems.containsKey(404)) {
            missing.add("404 (the path names something by id)");
        }
        for (JsonNode parameters : List.of(item.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : parameters) {
                if (("path".equals(p.path("in").asText()) || "query".equals(p.path("in").asText()))
                        && mustConvert(p.path("schema"))) {
                    need(problems, 400, "invalid-parameter", missing);
                }
            }
        }
        missing.stream().distinct().forEach(x -> out.add(where + ": does not document " + x));
    }

    private static boolean mustConvert(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        String type = schema.path("type").asText("");
        return ref.endsWith("/UUID") || ref.endsWith("/Instant") || ref.endsWith("/LocalDate")
                || type.equals("integer") || type.equals("boolean") || schema.has("enum")
                || schema.path("format").asText("").startsWith("date");
    }

    private static void need(Map<Integer, Set<String>> problems, int status, String slug, List<String> missing) {
        if (!problems.getOrDefault(status, Set.of()).contains(slug)) {
            missing.add(status + " " + slug);
        }
    }

    private static void coverage(ProblemCatalogue catalogue, Map<String, Set<String>> documented, List<String> out) {
        for (ProblemCatalogue.Entry e : catalogue.entries()) {
            for (String status : e.statuses()) {
                String key = e.module() + " " + e.slug() + " " + status;
                if (NOT_ON_PUBLIC_OPERATIONS.containsKey(key) || e.slug().contains("{status}")) {
                    continue;
                }
                if (!documented.getOrDefault(e.module() + " " + e.slug(), Set.of()).contains(status)
                        && !(status.equals("varies") && documented.containsKey(e.module() + " " + e.slug()))) {
                    out.add("docs/problems.md: " + e.module() + " answers " + e.slug() + " with " + status
                            + ", but no public operation of " + e.module() + " documents it");
                }
            }
        }
    }

    private static boolean hasExample(ObjectNode doc, JsonNode media) {
        return !exampleValues(doc, media).isEmpty();
    }

    /** The example values of a media type: {@code example}, or each of {@code examples} ($ref resolved). */
    public static List<JsonNode> exampleValues(ObjectNode doc, JsonNode media) {
        List<JsonNode> values = new ArrayList<>();
        if (media.has("example") && !media.path("example").isNull()) {
            values.add(media.path("example"));
        }
        media.path("examples").elements().forEachRemaining(ex -> {
            JsonNode resolved = ex.has("$ref") ? doc.at(ex.path("$ref").asText("").replaceFirst("^#", "")) : ex;
            if (resolved.has("value")) {
                values.add(resolved.path("value"));
            }
        });
        return values;
    }
}
