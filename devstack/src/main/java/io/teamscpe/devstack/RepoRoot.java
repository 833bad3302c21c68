package io.teamscpe.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: system property {@code teamscpe.repo}, else the nearest parent holding the build. */
public final class RepoRoot {
    public static final String PROPERTY = "teamscpe.repo";

    private RepoRoot() {
    }

    public static Path find() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("devstack"))
                    && Files.isDirectory(dir.resolve("kafka-broker"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the Teams CPE repository (" + System.getProperty("user.dir")
                + "); run from the repository or set -D" + PROPERTY + "=<path>");
    }
}
