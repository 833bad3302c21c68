package io.teamscpe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamscpe.deploy.support.Chart;
import io.teamscpe.deploy.support.Repo;
import io.teamscpe.deploy.support.Values;
import io.teamscpe.deploy.support.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The operator guide names every Secret the operator supplies and explains every alert the chart can raise. */
class ReadmeTest {
    private static final String README = Yaml.read(Repo.README);

    @Test
    void everyOperatorSuppliedSecretIsInTheGuide() {
        Set<String> secrets = Values.operatorSuppliedSecrets(Chart.production().values());
        secrets.addAll(Values.operatorSuppliedSecrets(Chart.defaults().values()));

        assertThat(secrets).isNotEmpty().allSatisfy(s -> assertThat(README).contains("`" + s + "`"));
    }

    @Test
    void everyAlertIsExplainedInTheGuide() {
        List<String> alerts = alerts();

        assertThat(alerts).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(a -> assertThat(README).as(a).contains("| `" + a + "` |"));
    }

    private static List<String> alerts() {
        List<String> out = new ArrayList<>();
        Chart.production().ofKind("PrometheusRule").forEach(rule -> rule.path("spec").path("groups")
                .forEach(g -> g.path("rules").forEach(r -> out.add(r.path("alert").asText()))));
        return out;
    }
}
