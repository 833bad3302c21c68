package io.teamscpe.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.devstack.RepoRoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What each built image says about itself (its config, as a registry or a kubelet reads it). */
class ImageConfigIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = System.getProperty("project.version", "0.1.0-SNAPSHOT");

    @ParameterizedTest
    @ValueSource(strings = {"credential-service", "session-service", "attendance-ingest-service", "polling-service",
            "reporting-service"})
    void anImageRunsItsServiceAsNonRootWithProductionJvmFlagsAndItsStartupArchive(String module) throws IOException {
        Map<String, byte[]> files = read(RepoRoot.find().resolve("images/target/images/" + module + ".tar"));
        JsonNode manifest = JSON.readTree(files.get("manifest.json")).get(0);
        assertThat(manifest.get("RepoTags").get(0).asText()).isEqualTo("teams-cpe/" + module + ":" + VERSION)
                .doesNotEndWith(":latest");
        JsonNode image = JSON.readTree(files.get(manifest.get("Config").asText()));
        JsonNode config = image.get("config");

        assertThat(config.get("User").asText()).isEqualTo("185:185");
        assertThat(fieldNames(config.get("ExposedPorts"))).containsExactlyInAnyOrder("8080/tcp", "9000/tcp");
        assertThat(config.get("WorkingDir").asText()).isEqualTo("/deployments");
        String entrypoint = config.get("Entrypoint").toString();
        assertThat(entrypoint).contains("\"/opt/java/bin/java\"", "\"-XX:MaxRAMPercentage=75.0\"",
                "\"-XX:+ExitOnOutOfMemoryError\"", "\"-jar\",\"/deployments/quarkus-run.jar\"");
        JsonNode labels = config.get("Labels");
        assertThat(labels.get("org.opencontainers.image.title").asText()).isEqualTo(module);
        assertThat(labels.get("org.opencontainers.image.version").asText()).isEqualTo(VERSION);
        assertThat(labels.get("org.opencontainers.image.revision").asText()).isNotBlank();
        if (Chroot.available()) {
            assertThat(labels.get("io.teamscpe.startup-archive").asText()).isEqualTo("/deployments/app-cds.jsa");
            assertThat(entrypoint).contains("\"-XX:SharedArchiveFile=/deployments/app-cds.jsa\"");
        }
        // reproducible: no build time anywhere
        assertThat(image.get("created").asText()).isEqualTo("1970-01-01T00:00:00Z");
        for (JsonNode step : image.get("history")) {
            assertThat(step.get("created").asText()).isEqualTo("1970-01-01T00:00:00Z");
        }
        assertThat(manifest.get("Layers")).hasSize(4);
    }

    private static Iterable<String> fieldNames(JsonNode node) {
        return node::fieldNames;
    }

    /** The tarball's small files (manifest and config); layers are skipped. */
    private static Map<String, byte[]> read(Path tar) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream entries = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.getName().endsWith(".json")) {
                    files.put(entry.getName(), entries.readAllBytes());
                }
            }
        }
        return files;
    }
}
