package io.teamscpe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamscpe.devstack.RepoRoot;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The name extraction and comparison behind {@link MonitoringMetricsTest}, without a running suite. */
class MonitoredMetricsTest {
    private static final Path ROOT = RepoRoot.find();
    private static final String RULES = MonitoredMetrics.text(ROOT.resolve(MonitoredMetrics.RULES));
    private static final String DASHBOARD = MonitoredMetrics.text(ROOT.resolve(MonitoredMetrics.DASHBOARD));

    @Test
    void onlyMetricNamesAreTakenFromAnExpression() {
        assertThat(MonitoredMetrics.inExpression("sum by (service, topic) (increase(kafka_producer_topic_record_send_total"
                + "{ {{- $svcs -}}, topic=~\".+\\\\.dlt\"}[15m])) > 0")).containsExactly(
                "kafka_producer_topic_record_send_total");
        assertThat(MonitoredMetrics.inExpression("sum(rate(a_seconds_sum{service=~\"$service\"}[$__rate_interval])) "
                + "/ on (pod) group_left(node) b_seconds_count offset 1h > bool 1e3 unless max without (x) (up)"))
                .containsExactly("a_seconds_sum", "b_seconds_count", "up");
    }

    @Test
    void theAlertsNameTheirMetrics() {
        Map<String, Set<String>> alerts = MonitoredMetrics.ofAlerts(RULES);

        assertThat(alerts).containsKeys("teamscpe_outbox_oldest_unsent_age_seconds", "http_server_requests_seconds_sum",
                "kube_pod_container_status_restarts_total", "up");
        assertThat(alerts.get("http_server_requests_seconds_count"))
                .contains("alert TeamsCpeHttpServerErrors", "alert TeamsCpeHttpSlow");
        assertThat(alerts.keySet()).allMatch(n -> n.matches("[a-z_:][a-z0-9_:]*"))
                .doesNotContain("sum", "rate", "service", "namespace", "topic", "status", "reason");
    }

    @Test
    void theDashboardNamesItsMetrics() {
        Map<String, Set<String>> dashboard = MonitoredMetrics.ofDashboard(DASHBOARD);

        assertThat(dashboard.get("teamscpe_outbox_backlog_rows"))
                .contains("panel \"Outbox backlog (unsent rows)\"", "variable $namespace", "variable $service");
        assertThat(dashboard).containsKeys("teamscpe_graph_retries_total", "teamscpe_credentials_expired",
                "jvm_memory_max_bytes", "kafka_consumer_fetch_manager_records_lag_max");
        assertThat(dashboard.keySet()).doesNotContain("sum", "namespace", "service", "provider", "__rate_interval");
    }

    @Test
    void aMisspeltMetricInAPanelIsNamedWithItsPanel() {
        String seeded = DASHBOARD.replace("teamscpe_outbox_backlog_rows{", "teamscpe_outbox_backlog_row{");
        Set<String> exposed = Set.copyOf(MonitoredMetrics.ofDashboard(DASHBOARD).keySet());

        assertThat(MonitoredMetrics.missing(MonitoredMetrics.ofDashboard(seeded), exposed)).containsExactly(
                "teamscpe_outbox_backlog_row (panel \"Outbox backlog (unsent rows)\", variable $service) is in no "
                        + "service's /q/metrics");
    }

    @Test
    void aMisspeltMetricInAnAlertIsNamedWithItsAlert() {
        String seeded = RULES.replace("teamscpe_credentials_expired{", "teamscpe_credential_expired{");
        Set<String> exposed = MonitoredMetrics.ofAlerts(RULES).keySet();

        assertThat(MonitoredMetrics.missing(MonitoredMetrics.ofAlerts(seeded), exposed)).containsExactly(
                "teamscpe_credential_expired (alert TeamsCpeCredentialsExpired) is in no service's /q/metrics");
    }

    @Test
    void kubeStateMetricsAndUpAreNotTheServices() {
        assertThat(MonitoredMetrics.missing(Map.of("up", Set.of("alert A"), "kube_deployment_status_replicas_available",
                Set.of("alert B")), Set.of())).isEmpty();
    }

    @Test
    void exposedNamesAreTheSampleLines() {
        String exposition = """
                # HELP teamscpe_outbox_backlog_rows Outbox rows not yet acknowledged by Kafka
                # TYPE teamscpe_outbox_backlog_rows gauge
                teamscpe_outbox_backlog_rows 0.0
                http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/api/x"} 3.0
                # TYPE only_described gauge
                """;

        assertThat(MonitoredMetrics.exposed(exposition))
                .containsExactly("http_server_requests_seconds_count", "teamscpe_outbox_backlog_rows");
    }
}
