package io.teamscpe.deploy.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The resources of deploy/platform (Strimzi, CloudNativePG), and their check against small hand-written JSON
 * Schemas (src/test/resources/platform-schemas/&lt;group&gt;_&lt;version&gt;_&lt;Kind&gt;.json) that know only the
 * fields used here and refuse any other. The real CRD schemas are not available offline: no Maven artifact ships
 * CloudNativePG's, and Strimzi's would have to be generated with its Java 21 crd-generator.
 */
public final class Platform {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private Platform() {
    }

    /** Every document of every YAML file in deploy/platform. */
    public static List<ObjectNode> documents() {
        try (Stream<Path> files = Files.list(Repo.PLATFORM)) {
            List<ObjectNode> docs = new ArrayList<>();
            files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(f -> docs.addAll(Yaml.documents(f)));
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<ObjectNode> ofKind(List<ObjectNode> docs, String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    /** What the hand schema of the document's kind refuses, or that there is no schema for the kind. */
    public static List<String> violations(ObjectNode doc) {
        String resource = "platform-schemas/" + doc.path("apiVersion").asText().replace('/', '_') + "_"
                + doc.path("kind").asText() + ".json";
        if (Platform.class.getClassLoader().getResource(resource) == null) {
            return List.of(Models.describe(doc) + ": no schema for " + Models.key(doc) + " (" + resource + ")");
        }
        Schema schema = SCHEMAS.computeIfAbsent(resource,
                r -> REGISTRY.getSchema(SchemaLocation.of("classpath:" + r)));
        return schema.validate(doc.toString(), InputFormat.JSON).stream()
                .map(Error::toString).map(e -> Models.describe(doc) + ": " + e).toList();
    }
}
