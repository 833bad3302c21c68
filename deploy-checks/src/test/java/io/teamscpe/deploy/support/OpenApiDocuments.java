package io.teamscpe.deploy.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAPI document each service writes at build time: platform's microprofile-config.properties sets
 * quarkus.smallrye-openapi.store-schema-directory=target/openapi, which Quarkus resolves against the module
 * directory, so the document lands at {@code <module>/target/openapi/openapi.yaml} when the module is packaged.
 */
public final class OpenApiDocuments {
    /** A stand-in for every path parameter ({id}, {pollId}, ...): ids are UUIDs. */
    public static final String SAMPLE_ID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

    private OpenApiDocuments() {
    }

    public static Path location(SuiteService s) {
        return s.module().resolve("target/openapi/openapi.yaml");
    }

    /** The path templates of the service's document; fails with what to do when the document is missing. */
    public static List<String> paths(SuiteService s) {
        return paths(location(s), s.serviceName);
    }

    public static List<String> paths(Path file, String service) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("The OpenAPI document of " + service + " is missing: " + file + ". It is "
                    + "written when the service is packaged (quarkus.smallrye-openapi.store-schema-directory in "
                    + "platform's microprofile-config.properties). Run the whole reactor (./mvnw -B verify: "
                    + "deploy-checks is its last module) or package the service first (./mvnw -B -pl "
                    + service + " -am package -DskipTests).");
        }
        ObjectNode doc = Yaml.documents(file).get(0);
        List<String> paths = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(paths::add);
        if (paths.isEmpty()) {
            throw new AssertionError(file + " lists no path");
        }
        return paths;
    }

    /** A request path for a template: every {parameter} becomes a sample id. */
    public static String concrete(String template) {
        return template.replaceAll("\\{[^}/]+}", SAMPLE_ID);
    }

    public static boolean isPublic(String path) {
        return !(path.equals("/internal") || path.startsWith("/internal/") || path.equals("/q")
                || path.startsWith("/q/"));
    }
}
