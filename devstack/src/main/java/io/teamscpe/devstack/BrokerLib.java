package io.teamscpe.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the Kafka broker's jars are: built by the kafka-broker module into {@code kafka-broker/target/lib}. */
final class BrokerLib {
    static final String PROPERTY = "teamscpe.kafka.lib";
    private static final Path RELATIVE = Path.of("kafka-broker", "target", "lib");

    private BrokerLib() {
    }

    /** System property {@value #PROPERTY}, else the nearest {@code kafka-broker/target/lib} above the working dir. */
    static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path lib = Path.of(configured).toAbsolutePath();
            if (!hasJars(lib)) {
                throw new IllegalStateException(PROPERTY + "=" + lib + " holds no Kafka broker jars");
            }
            return lib;
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path lib = dir.resolve(RELATIVE);
            if (hasJars(lib)) {
                return lib;
            }
        }
        throw new IllegalStateException("Kafka broker jars not found: no " + RELATIVE + " above "
                + System.getProperty("user.dir") + ". Build them first from the repository root with "
                + "`./mvnw -DskipTests install` (or set -D" + PROPERTY + "=<dir>).");
    }

    private static boolean hasJars(Path lib) {
        if (!Files.isDirectory(lib)) {
            return false;
        }
        try (var jars = Files.list(lib)) {
            return jars.map(p -> p.getFileName().toString())
                    .anyMatch(n -> n.startsWith("kafka_2.13-") && n.endsWith(".jar"));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
