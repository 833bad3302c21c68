package io.teamscpe.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile request bodies for one operation: starting from a proper body, every field (at every depth, array items
 * included) replaced by each {@link HostileValues#json hostile value}, every required field left out, and bodies
 * that are not what the operation takes at all. Multipart operations get broken multipart instead.
 */
final class HostileBodies {
    /** A body to send; a null {@code contentType} sends none. */
    record Body(String variant, String contentType, byte[] bytes) {
    }

    /** A part of a multipart body; a null name or file name leaves it out of Content-Disposition. */
    record Part(String name, String fileName, String contentType, byte[] content) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOLE = "@@hostile-value@@";
    private static final String JSON_TYPE = "application/json";
    private static final int MAX_DEPTH = 5;

    private final OpenApiDocument doc;

    HostileBodies(OpenApiDocument doc) {
        this.doc = doc;
    }

    /** The JSON variants of {@code schema}, {@code proper} being a body the operation would accept. */
    List<Body> json(JsonNode schema, JsonNode proper) {
        List<Body> bodies = new ArrayList<>();
        String text = write(proper);
        bodies.add(new Body("empty body", JSON_TYPE, new byte[0]));
        bodies.add(new Body("not JSON", JSON_TYPE, bytes("this is not JSON")));
        bodies.add(new Body("truncated JSON", JSON_TYPE, bytes(text.substring(0, text.length() / 2))));
        bodies.add(new Body("nested 10,000 deep", JSON_TYPE, bytes("[".repeat(10_000) + "]".repeat(10_000))));
        bodies.add(new Body("text/plain content type", "text/plain", bytes(text)));
        bodies.add(new Body("no content type", null, bytes(text)));
        walk(schema, proper, List.of(), "body", null, 0, bodies);
        return bodies;
    }

    /** A body for an operation that documents none (a careless client sends one anyway). */
    static List<Body> unexpected() {
        return List.of(new Body("unexpected body: not JSON", JSON_TYPE, bytes("this is not JSON")));
    }

    private void walk(JsonNode raw, JsonNode root, List<Object> at, String label, String field, int depth,
                      List<Body> out) {
        JsonNode schema = doc.resolve(raw);
        List<HostileValues.Value> values = new ArrayList<>(HostileValues.json(schema));
        if (field != null && List.of("string", "").contains(OpenApiDocument.typeOf(schema))) {
            values.addAll(HostileValues.named(field));
        }
        for (HostileValues.Value v : values) {
            out.add(new Body(label + " = " + v.name(), JSON_TYPE, bytes(replaced(root, at, v.text()))));
        }
        if (depth >= MAX_DEPTH) {
            return;
        }
        String type = OpenApiDocument.typeOf(schema);
        JsonNode here = nodeAt(root, at);
        if (type.equals("object") && here.isObject()) {
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (var it = schema.path("properties").fields(); it.hasNext(); ) {
                var property = it.next();
                List<Object> path = append(at, property.getKey());
                JsonNode withIt = root;
                if (!here.has(property.getKey())) {
                    withIt = root.deepCopy();
                    ((ObjectNode) nodeAt(withIt, at)).set(property.getKey(), doc.example(property.getValue(), 0));
                } else if (required.contains(property.getKey())) {
                    JsonNode without = root.deepCopy();
                    ((ObjectNode) nodeAt(without, at)).remove(property.getKey());
                    out.add(new Body(label + "." + property.getKey() + " missing", JSON_TYPE, bytes(write(without))));
                }
                walk(property.getValue(), withIt, path, label + "." + property.getKey(), property.getKey(),
                        depth + 1, out);
            }
        } else if (type.equals("array") && here.isArray()) {
            JsonNode withItem = root;
            if (here.isEmpty()) {
                withItem = root.deepCopy();
                ((ArrayNode) nodeAt(withItem, at)).add(doc.example(schema.path("items"), 0));
            }
            JsonNode item = nodeAt(withItem, append(at, 0));
            out.add(new Body(label + " = 10,000 items", JSON_TYPE, bytes(replaced(withItem, at,
                    "[" + String.join(",", Collections.nCopies(10_000, write(item))) + "]"))));
            walk(schema.path("items"), withItem, append(at, 0), label + "[0]", field, depth + 1, out);
        }
    }

    /** Broken multipart for an operation whose form has {@code schema}; proper and hostile files to send in it. */
    List<Body> multipart(JsonNode schema, HostileFiles.File file, List<HostileFiles.File> hostileFiles) {
        List<String> fileFields = new ArrayList<>();
        List<String> textFields = new ArrayList<>();
        schema.path("properties").fields().forEachRemaining(f -> {
            JsonNode s = doc.resolve(f.getValue());
            JsonNode item = OpenApiDocument.typeOf(s).equals("array") ? doc.resolve(s.path("items")) : s;
            (item.path("format").asText().equals("binary") ? fileFields : textFields).add(f.getKey());
        });
        String field = fileFields.isEmpty() ? "file" : fileFields.get(0);
        Part proper = new Part(field, file.fileName(), file.contentType(), file.content());
        byte[] good = multipartBytes("x", List.of(proper), true);
        List<Body> bodies = new ArrayList<>();
        bodies.add(new Body("multipart: boundary with no parts", form("x"), bytes("--x--\r\n")));
        bodies.add(new Body("multipart: empty body", form("x"), new byte[0]));
        bodies.add(new Body("multipart: part without a name", form("x"), multipartBytes("x",
                List.of(new Part(null, file.fileName(), file.contentType(), file.content())), true)));
        bodies.add(new Body("multipart: truncated body", form("x"), Arrays.copyOf(good, good.length / 2)));
        bodies.add(new Body("multipart: no closing boundary", form("x"), multipartBytes("x", List.of(proper),
                false)));
        bodies.add(new Body("multipart: boundary mismatch", form("y"), good));
        bodies.add(new Body("multipart: no boundary parameter", "multipart/form-data", good));
        bodies.add(new Body("multipart: sent as application/json", JSON_TYPE, bytes("{}")));
        bodies.add(new Body("multipart: sent as text/plain", "text/plain", good));
        bodies.add(new Body("multipart: only an unknown part", form("x"), multipartBytes("x",
                List.of(new Part("unknown", file.fileName(), file.contentType(), file.content())), true)));
        bodies.add(new Body("multipart: file part without a file name", form("x"), multipartBytes("x",
                List.of(new Part(field, null, file.contentType(), file.content())), true)));
        for (String f : fileFields) {
            for (Part bad : List.of(new Part(f, "garbage.xlsx", file.contentType(), bytes("not a spreadsheet")),
                    new Part(f, "empty.xlsx", file.contentType(), new byte[0]),
                    new Part(f, "half.xlsx", file.contentType(), Arrays.copyOf(file.content(),
                            file.content().length / 2)),
                    new Part(f, "zip-without-workbook.xlsx", file.contentType(), zipWithoutWorkbook()),
                    new Part(f, "nul\u0000name.xlsx", file.contentType(), file.content()),
                    new Part(f, HostileValues.LONG + ".xlsx", file.contentType(), file.content()),
                    new Part(f, "../../../etc/passwd", file.contentType(), file.content()),
                    new Part(f, file.fileName(), "text/html", file.content()))) {
                bodies.add(new Body("multipart: " + f + " = " + describe(bad), form("x"),
                        multipartBytes("x", List.of(bad), true)));
            }
            for (HostileFiles.File bad : hostileFiles) {
                bodies.add(new Body("multipart: " + f + " = " + bad.variant(), form("x"),
                        multipartBytes("x", List.of(bad.part(f)), true)));
            }
        }
        for (String t : textFields) {
            for (String[] v : new String[][] {{"NUL", "\u0000"}, {"control \\u0001", "a\u0001b"},
                    {"10,000 characters", HostileValues.LONG}, {"empty", ""}, {"unknown zone", "Mars/Olympus"}}) {
                bodies.add(new Body("multipart: " + t + " = " + v[0], form("x"), multipartBytes("x", List.of(proper,
                        new Part(t, null, null, bytes(v[1]))), true)));
            }
            byte[] invalidUtf8 = {(byte) 0xFF, (byte) 0xFE, 'a'};
            bodies.add(new Body("multipart: " + t + " = invalid UTF-8", form("x"), multipartBytes("x",
                    List.of(proper, new Part(t, null, null, invalidUtf8)), true)));
        }
        return bodies;
    }

    private static String describe(Part part) {
        if (part.fileName() != null && part.fileName().length() > 100) {
            return "file name of 10,000 characters";
        }
        if (part.fileName() != null && part.fileName().indexOf('\u0000') >= 0) {
            return "file name with NUL";
        }
        return part.contentType().equals("text/html") ? "content type text/html" : part.fileName();
    }

    private static String form(String boundary) {
        return "multipart/form-data; boundary=" + boundary;
    }

    static byte[] multipartBytes(String boundary, List<Part> parts, boolean closed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\nContent-Disposition: form-data");
            if (p.name() != null) {
                head.append("; name=\"").append(p.name()).append('"');
            }
            if (p.fileName() != null) {
                head.append("; filename=\"").append(p.fileName()).append('"');
            }
            head.append("\r\n");
            if (p.contentType() != null) {
                head.append("Content-Type: ").append(p.contentType()).append("\r\n");
            }
            out.writeBytes(bytes(head.append("\r\n").toString()));
            out.writeBytes(p.content());
            out.writeBytes(bytes("\r\n"));
        }
        if (closed) {
            out.writeBytes(bytes("--" + boundary + "--\r\n"));
        }
        return out.toByteArray();
    }

    private static byte[] zipWithoutWorkbook() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("hello.txt"));
            zip.write(bytes("not a workbook"));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String replaced(JsonNode root, List<Object> at, String raw) {
        if (at.isEmpty()) {
            return raw;
        }
        JsonNode copy = root.deepCopy();
        JsonNode parent = nodeAt(copy, at.subList(0, at.size() - 1));
        Object last = at.get(at.size() - 1);
        if (last instanceof String key) {
            ((ObjectNode) parent).put(key, HOLE);
        } else {
            ((ArrayNode) parent).set((Integer) last, JSON.getNodeFactory().textNode(HOLE));
        }
        return write(copy).replace('"' + HOLE + '"', raw);
    }

    private static JsonNode nodeAt(JsonNode root, List<Object> at) {
        JsonNode node = root;
        for (Object step : at) {
            node = step instanceof String key ? node.path(key) : node.path((Integer) step);
        }
        return node;
    }

    private static List<Object> append(List<Object> at, Object step) {
        List<Object> path = new ArrayList<>(at);
        path.add(step);
        return path;
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
