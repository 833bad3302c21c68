package io.teamscpe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamscpe.deploy.support.Chart;
import io.teamscpe.deploy.support.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** helm lint --strict: the chart is well formed and renders with its default values. */
class ChartLintTest {

    @Test
    void theChartPassesStrictLint() {
        var result = Chart.lint(Repo.CHART);

        assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).as("only informational messages")
                .allMatch(m -> m.startsWith("[INFO]"));
    }

    @Test
    void strictLintCatchesABrokenTemplate(@TempDir Path copy) throws IOException {
        copyChart(copy);
        Path deployment = copy.resolve("templates/deployment.yaml");
        Files.writeString(deployment, Files.readString(deployment).replace("{{- end }}\n", "{{- end \n"));

        var result = Chart.lint(copy);

        assertThat(result.isFailed()).isTrue();
        assertThat(String.join("\n", result.getMessages())).contains("deployment.yaml");
    }

    static void copyChart(Path target) throws IOException {
        try (var files = Files.walk(Repo.CHART)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(Repo.CHART.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
    }
}
