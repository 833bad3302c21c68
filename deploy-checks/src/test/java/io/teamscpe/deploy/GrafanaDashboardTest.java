package io.teamscpe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamscpe.deploy.support.Chart;
import io.teamscpe.deploy.support.Repo;
import io.teamscpe.deploy.support.Yaml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard ships as a ConfigMap the dashboard sidecar loads (only when asked), and every query is
 * scoped to the dashboard's data source, namespace and service variables (a query without them sums every release
 * in the cluster). That every metric it names exists is e2e MonitoringMetricsTest's job.
 */
class GrafanaDashboardTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIGMAP = "teams-cpe-grafana-dashboard";
    private static final Pattern MATCHERS = Pattern.compile("\\{([^{}]*)}");

    @Test
    void theDashboardIsRenderedOnlyWhenAsked() {
        assertThat(dashboards(Chart.defaults().ofKind("ConfigMap"))).isEmpty();

        ObjectNode map = dashboards(Chart.production().ofKind("ConfigMap")).get(0);
        assertThat(map.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
        assertThat(read(map.path("data").path("teams-cpe.json").asText()))
                .isEqualTo(read(Yaml.read(Repo.CHART.resolve("dashboards/teams-cpe.json"))));
    }

    @Test
    void everyQueryIsScopedToTheDashboardVariables() {
        assertThat(violations(shipped())).isEmpty();
        assertThat(panels(shipped())).hasSizeGreaterThan(12);
    }

    @Test
    void aQueryAcrossEveryNamespaceIsCaught() {
        JsonNode seeded = read(Yaml.read(Repo.CHART.resolve("dashboards/teams-cpe.json"))
                .replace("jvm_memory_used_bytes{namespace=\\\"$namespace\\\", service=~\\\"$service\\\", ",
                        "jvm_memory_used_bytes{"));

        assertThat(violations(seeded)).containsExactly("panel \"Heap used\": a selector without "
                + "namespace=\"$namespace\", service=~\"$service\": area=\"heap\"");
    }

    @Test
    void aFixedDataSourceIsCaught() {
        JsonNode seeded = shipped().deepCopy();
        ((ObjectNode) panels(seeded).get(1).path("datasource")).put("uid", "prometheus-prod");

        assertThat(violations(seeded)).containsExactly("panel \"" + panels(seeded).get(1).path("title").asText()
                + "\": data source prometheus-prod, not ${datasource}");
    }

    static List<String> violations(JsonNode dashboard) {
        List<String> out = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels(dashboard)) {
            String where = "panel \"" + panel.path("title").asText() + "\"";
            if (!ids.add(panel.path("id").asInt())) {
                out.add(where + ": id " + panel.path("id").asInt() + " is taken");
            }
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            String source = panel.path("datasource").path("uid").asText();
            if (!source.equals("${datasource}")) {
                out.add(where + ": data source " + source + ", not ${datasource}");
            }
            if (panel.path("targets").isEmpty()) {
                out.add(where + ": no query");
            }
            for (JsonNode target : panel.path("targets")) {
                Matcher m = MATCHERS.matcher(target.path("expr").asText());
                while (m.find()) {
                    if (!m.group(1).startsWith("namespace=\"$namespace\", service=~\"$service\"")) {
                        out.add(where + ": a selector without namespace=\"$namespace\", service=~\"$service\": "
                                + m.group(1));
                    }
                }
            }
        }
        return out;
    }

    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        dashboard.path("panels").forEach(out::add);
        return out;
    }

    private static JsonNode shipped() {
        return read(Yaml.read(Repo.CHART.resolve("dashboards/teams-cpe.json")));
    }

    private static List<ObjectNode> dashboards(List<ObjectNode> configMaps) {
        return configMaps.stream().filter(c -> c.path("metadata").path("name").asText().equals(CONFIGMAP)).toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
