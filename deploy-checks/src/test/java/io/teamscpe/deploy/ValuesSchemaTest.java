package io.teamscpe.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamscpe.deploy.support.Chart;
import io.teamscpe.deploy.support.Repo;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** values.schema.json refuses values that would be ignored silently or cannot work; Helm applies it on render. */
class ValuesSchemaTest {

    @Test
    void theDefaultAndTheProductionValuesAreAccepted() {
        assertThat(Chart.defaults().documents()).isNotEmpty();
        assertThat(Chart.production().documents()).isNotEmpty();
    }

    @Test
    void aMisspeltKeyIsRefused() {
        assertRefused(Map.of("services.polling.replicaz", "2"), "replicaz");
    }

    @Test
    void aConsumerBeyondTwelveReplicasIsRefused() {
        assertRefused(Map.of("services.reporting.replicas", "13"), "/services/reporting/replicas': maximum: got 13, want 12");
        assertRefused(Map.of("services.attendance.autoscaling.maxReplicas", "20"), "/services/attendance/autoscaling/maxReplicas': maximum: got 20, want 12");
    }

    @Test
    void aServiceThatConsumesNothingMayScaleFurther() {
        assertThat(Chart.template(Repo.CHART, null, Map.of("services.session.replicas", "16"))).contains("replicas: 16");
    }

    @Test
    void theLatestTagIsRefused() {
        assertRefused(Map.of("image.tag", "latest"), "/image/tag'");
    }

    @Test
    void anUnknownKafkaAuthenticationIsRefused() {
        assertRefused(Map.of("kafka.authentication", "plain"), "/kafka/authentication': value must be one of");
    }

    @Test
    void developmentSecretsNeedTheirValues() {
        assertRefused(Map.of("developmentSecrets.create", "true"), "masterKey");
    }

    @Test
    void theLmsOriginsReachEveryServiceAndNoneIsTheDefault() {
        assertThat(Chart.template(Repo.CHART, null, Map.of())).contains("TEAMSCPE_CORS_ORIGINS: \"\"");
        assertThat(Chart.template(Repo.CHART, null, Map.of("config.corsOrigins[0]", "https://lms.example.com",
                "config.corsOrigins[1]", "https://lms.example.org:8443")))
                .contains("TEAMSCPE_CORS_ORIGINS: \"https://lms.example.com,https://lms.example.org:8443\"");
    }

    @Test
    void aWildcardOrAPathAsLmsOriginIsRefused() {
        assertRefused(Map.of("config.corsOrigins[0]", "*"), "/config/corsOrigins/0'");
        assertRefused(Map.of("config.corsOrigins[0]", "https://lms.example.com/"), "/config/corsOrigins/0'");
    }

    private static void assertRefused(Map<String, String> set, String mentioned) {
        assertThatThrownBy(() -> Chart.template(Repo.CHART, null, set))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining(mentioned);
    }
}
