package io.teamscpe.devstack;

import java.nio.file.Path;
import java.util.UUID;

final class TestDirs {
    private TestDirs() {
    }

    /** A fresh directory name under target/test-data (created by whoever uses it). */
    static Path fresh(String name) {
        return Path.of("target", "test-data", name + "-" + UUID.randomUUID()).toAbsolutePath();
    }
}
