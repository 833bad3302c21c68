package io.teamscpe.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Database rows become records in store/: no {@code Object[]} row cast anywhere else in a service. */
class RowCastsTest {
    private static final List<String> MODULES = List.of("credential-service", "session-service",
            "attendance-ingest-service", "polling-service", "reporting-service");

    @Test
    void rowCastsOnlyInStore() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = MODULES.stream().map(m -> Path.of("..", m, "src", "main", "java"))
                .flatMap(RowCastsTest::javaFiles)) {
            offenders = files.filter(f -> !f.toString().contains("/store/"))
                    .filter(RowCastsTest::castsRows).map(Path::toString).sorted().toList();
        }
        assertThat(offenders).as("classes outside store/ casting query rows to Object[]").isEmpty();
    }

    private static Stream<Path> javaFiles(Path root) {
        try {
            return Files.walk(root).filter(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean castsRows(Path file) {
        try {
            return Files.readString(file).contains("(Object[])");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
