package io.teamscpe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamscpe.deploy.support.Chart;
import io.teamscpe.deploy.support.Rendered;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every rendered object unmarshals into its fabric8 model with no field the model does not know, anywhere in its
 * tree (the API server would drop such a field silently: a misspelt probe is simply no probe).
 */
class StrictModelTest {

    static Stream<Arguments> renders() {
        return Stream.of(Arguments.of("default values", Chart.defaults()),
                Arguments.of("values-production.yaml", Chart.production()),
                Arguments.of("Ingress instead of Gateway API", Chart.withIngress()),
                Arguments.of("Kafka users with TLS certificates", Chart.withKafkaTlsUsers()),
                Arguments.of("Kafka without TLS or authentication", Chart.withPlainKafka()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyObjectIsExactlyWhatItsModelKnows(String values, Rendered rendered) {
        assertThat(rendered.modelViolations()).isEmpty();
    }

    @Test
    void theKafkaSecuritySettingsFollowTheValues() {
        assertThat(Chart.production().yaml()).contains("KAFKA_SECURITY_PROTOCOL: SASL_SSL", "KAFKA_SASL_JAAS_CONFIG",
                "KAFKA_SSL_TRUSTSTORE_LOCATION: /etc/teamscpe/kafka-ca/ca.crt");
        assertThat(Chart.withKafkaTlsUsers().yaml()).contains("KAFKA_SECURITY_PROTOCOL: SSL",
                "KAFKA_SSL_KEYSTORE_LOCATION: /etc/teamscpe/kafka-user/user.p12", "KAFKA_SSL_KEYSTORE_PASSWORD")
                .doesNotContain("KAFKA_SASL_JAAS_CONFIG");
        assertThat(Chart.withPlainKafka().yaml()).contains("KAFKA_SECURITY_PROTOCOL: PLAINTEXT")
                .doesNotContain("KAFKA_SSL_", "KAFKA_SASL_");
    }

    @Test
    void theProductionRenderHasEveryKindTheChartCanRender() {
        assertThat(Chart.production().documents()).extracting(d -> d.path("kind").asText()).contains(
                "ConfigMap", "Deployment", "Service", "ServiceAccount", "NetworkPolicy", "PodDisruptionBudget",
                "HorizontalPodAutoscaler", "ServiceMonitor", "PrometheusRule", "HTTPRoute");
    }

    @Test
    void aMisspeltProbeIsCaught() {
        Rendered seeded = Chart.production().editText(y -> y.replaceFirst("readinessProbe:", "readinesProbe:"));

        assertThat(seeded.modelViolations()).singleElement().asString()
                .startsWith("Deployment/")
                .contains("unknown field [readinesProbe] at .spec.template.spec.containers[0]");
    }

    @Test
    void aMisspeltFieldDeepInACustomResourceIsCaught() {
        Rendered seeded = Chart.production().editText(y -> y.replaceFirst("backendRefs:", "backendRef:"));

        assertThat(seeded.modelViolations()).singleElement().asString()
                .startsWith("HTTPRoute/").contains("unknown field [backendRef] at .spec.rules[0]");
    }

    @Test
    void aMisspeltFieldInAServiceMonitorIsCaught() {
        Rendered seeded = Chart.production().editText(y -> y.replaceFirst("namespaceSelector:\n    matchNames",
                "namespaceSelectors:\n    matchNames"));

        assertThat(seeded.modelViolations()).singleElement().asString()
                .startsWith("ServiceMonitor/").contains("unknown field [namespaceSelectors] at .spec");
    }

    @Test
    void aKindWithoutAModelIsCaught() {
        Rendered seeded = Chart.defaults().editText(y -> y + "---\napiVersion: rbac.authorization.k8s.io/v1\n"
                + "kind: RoleBinding\nmetadata:\n  name: view\n");

        assertThat(seeded.modelViolations()).containsExactly(
                "RoleBinding/view: no model for rbac.authorization.k8s.io/v1/RoleBinding");
    }
}
