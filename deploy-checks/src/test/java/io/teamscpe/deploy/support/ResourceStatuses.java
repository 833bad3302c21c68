package io.teamscpe.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The success statuses each JAX-RS operation of the services answers, read from the resources' sources
 * ({@code <service>/src/main/java/**}/rest/*.java, formatted as the house formats them: members indented by four
 * spaces): {@code Created.at} 201, {@code Response.accepted} 202, {@code Response.noContent} 204,
 * {@code Response.seeOther} 303, {@code Response.notModified} 304, {@code Response.ok} 200,
 * {@code Response.status(2xx|3xx)} (both sides of a conditional), an entity return type 200, {@code void} 204;
 * a read that takes {@code If-None-Match} also 304 (platform's {@code ETagged.read} and {@code PageLinks.ok} with an
 * ETag answer 304 when it names the current ETag).
 * Keyed "METHOD /path" as in the OpenAPI document (no trailing slash).
 */
public final class ResourceStatuses {
    private static final Pattern HTTP_METHOD = Pattern.compile("^    @(GET|POST|PUT|DELETE|PATCH)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern SIGNATURE = Pattern.compile("^    public ([\\w<>.,? ]+?) (\\w+)\\(", Pattern.MULTILINE);
    private static final Pattern MEMBER_START = Pattern.compile("^    [^ }\\n]", Pattern.MULTILINE);
    private static final Pattern PATH = Pattern.compile("@Path\\(([^)]+)\\)");
    private static final Pattern STRING_CONSTANT = Pattern.compile("String (\\w+) = \"([^\"]*)\";");
    private static final Map<String, String> FACTORIES = Map.of("Created.at(", "201", "Response.accepted(", "202",
            "Response.noContent(", "204", "Response.seeOther(", "303", "Response.notModified(", "304",
            "Response.ok(", "200");
    private static final Pattern STATUS_CALL = Pattern.compile("Response\\.status\\(([^;\\n]*)");
    private static final Pattern RETURNED_CALL = Pattern.compile("return (\\w+)\\(");
    private static final Pattern SUCCESS = Pattern.compile("\\b([23]\\d\\d)\\b");

    /** Statuses by "METHOD /path", the operations that set a Location (by status), and what could not be read. */
    public record Scan(Map<String, Set<String>> statuses, Map<String, String> locations, List<String> unreadable) {
    }

    private ResourceStatuses() {
    }

    public static Scan scan() {
        Scan scan = new Scan(new TreeMap<>(), new TreeMap<>(), new ArrayList<>());
        for (SuiteService s : SuiteService.values()) {
            List<Path> files = javaFiles(s.module().resolve("src/main/java"));
            Map<String, String> constants = new HashMap<>();
            files.forEach(f -> {
                Matcher m = STRING_CONSTANT.matcher(Yaml.read(f));
                while (m.find()) {
                    constants.putIfAbsent(m.group(1), m.group(2));
                }
            });
            files.stream().filter(f -> f.getParent().endsWith("rest"))
                    .forEach(f -> scanResource(f, constants, scan));
        }
        return scan;
    }

    private static void scanResource(Path file, Map<String, String> constants, Scan scan) {
        String text = Yaml.read(file);
        int classAt = text.indexOf("public class ");
        Matcher classPath = PATH.matcher(text.substring(0, Math.max(classAt, 0)));
        String base = classPath.find() ? value(classPath.group(1), constants) : "";
        Matcher http = HTTP_METHOD.matcher(text);
        while (http.find()) {
            Matcher sig = SIGNATURE.matcher(text);
            if (!sig.find(http.end())) {
                scan.unreadable().add(file.getFileName() + ": @" + http.group(1) + " without a public method");
                continue;
            }
            int blockStart = Math.max(text.lastIndexOf("\n    }\n", http.start()), classAt);
            Matcher methodPath = PATH.matcher(text.substring(blockStart, sig.start()));
            String sub = methodPath.find() ? value(methodPath.group(1), constants) : "";
            Matcher next = MEMBER_START.matcher(text);
            int end = next.find(text.indexOf('\n', sig.start()) + 1) ? next.start() : text.length();
            String where = file.getFileName() + "#" + sig.group(2);
            String body = withHelpers(text, text.substring(sig.start(), end));
            Set<String> found = statuses(sig.group(1).trim(), body);
            if (found.isEmpty()) {
                scan.unreadable().add(where + ": returns a Response without a status this scan reads");
            }
            String op = http.group(1) + " " + join(base, sub);
            scan.statuses().computeIfAbsent(op, k -> new TreeSet<>()).addAll(found);
            if (body.contains("Created.at(")) {
                scan.locations().put(op, "201");
            } else if (body.contains("Response.seeOther(")) {
                scan.locations().put(op, "303");
            }
        }
    }

    /** The body, followed by the private helpers of the same class it returns the result of ({@code return csv(...)}). */
    private static String withHelpers(String text, String body) {
        StringBuilder out = new StringBuilder(body);
        Matcher call = RETURNED_CALL.matcher(body);
        while (call.find()) {
            Matcher helper = Pattern.compile("^    private (?:static )?Response " + call.group(1) + "\\(",
                    Pattern.MULTILINE).matcher(text);
            if (helper.find()) {
                Matcher next = MEMBER_START.matcher(text);
                int end = next.find(text.indexOf('\n', helper.start()) + 1) ? next.start() : text.length();
                out.append(text, helper.start(), end);
            }
        }
        return out.toString();
    }

    private static Set<String> statuses(String returnType, String body) {
        Set<String> out = new TreeSet<>();
        if (returnType.equals("void")) {
            out.add("204");
        } else if (!returnType.equals("Response")) {
            out.add("200");
            if (body.contains("HttpHeaders.IF_NONE_MATCH")) {
                out.add("304");
            }
        } else {
            FACTORIES.forEach((call, status) -> {
                if (body.contains(call)) {
                    out.add(status);
                }
            });
            Matcher status = STATUS_CALL.matcher(body);
            while (status.find()) {
                Matcher code = SUCCESS.matcher(status.group(1));
                while (code.find()) {
                    out.add(code.group(1));
                }
            }
        }
        return out;
    }

    private static String value(String expression, Map<String, String> constants) {
        String e = expression.trim();
        if (e.startsWith("\"")) {
            return e.substring(1, e.length() - 1);
        }
        String name = e.substring(e.lastIndexOf('.') + 1);
        String v = constants.get(name);
        if (v == null) {
            throw new IllegalStateException("@Path(" + expression + "): no String constant " + name);
        }
        return v;
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The .java files below root, in order ({@link Yaml#read} reads any text file). */
    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.find(root, Integer.MAX_VALUE, (f, a) -> f.toString().endsWith(".java"))) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
