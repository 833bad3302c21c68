package io.teamscpe.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Multi-document YAML to Jackson trees and back. */
public final class Yaml {
    public static final ObjectMapper MAPPER = new ObjectMapper(
            YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());

    private Yaml() {
    }

    /** Every non-empty document (a document of comments only, or an empty one between two ---, is skipped). */
    public static List<ObjectNode> documents(String yaml) {
        try (var parser = MAPPER.getFactory().createParser(yaml)) {
            List<ObjectNode> docs = new ArrayList<>();
            for (var it = MAPPER.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode doc = it.next();
                if (doc instanceof ObjectNode o && !o.isEmpty()) {
                    docs.add(o);
                } else if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    throw new IllegalArgumentException("a YAML document that is not an object: " + doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<ObjectNode> documents(Path file) {
        return documents(read(file));
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(List<ObjectNode> docs) {
        StringBuilder out = new StringBuilder();
        for (ObjectNode doc : docs) {
            try {
                out.append("---\n").append(MAPPER.writeValueAsString(doc));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }
}
