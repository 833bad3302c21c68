package io.teamscpe.deploy.support;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chart rendered by the Helm library bundled in helm-java (no helm binary, no cluster). Renders are cached: the
 * same values always give the same output (the chart holds no timestamp and no random value).
 */
public final class Chart {
    public static final String RELEASE = "teams-cpe";
    public static final String NAMESPACE = "teams-cpe";
    /** The lowest Kubernetes the chart supports (Chart.yaml kubeVersion): the preStop sleep action needs 1.30. */
    public static final String KUBE_VERSION = "1.30.0";

    private static final Map<String, Rendered> CACHE = new LinkedHashMap<>();

    private Chart() {
    }

    public static LintResult lint(Path chart) {
        return new Helm(chart).lint().strict().call();
    }

    public static Rendered defaults() {
        return render(Repo.CHART, null, Map.of());
    }

    public static Rendered production() {
        return render(Repo.CHART, Repo.PRODUCTION_VALUES, Map.of());
    }

    /** Default values and the Ingress alternative (with TLS) instead of Gateway API routes. */
    public static Rendered withIngress() {
        return render(Repo.CHART, null, Map.of("ingress.enabled", "true", "ingress.tls.secretName", "cpe-tls"));
    }

    /** Production values with Kafka users authenticated by TLS client certificates instead of SCRAM. */
    public static Rendered withKafkaTlsUsers() {
        return render(Repo.CHART, Repo.PRODUCTION_VALUES, Map.of("kafka.authentication", "tls"));
    }

    /** Default values with Kafka reached without TLS or authentication (a development cluster). */
    public static Rendered withPlainKafka() {
        return render(Repo.CHART, null, Map.of("kafka.authentication", "none", "kafka.tls.enabled", "false"));
    }

    public static synchronized Rendered render(Path chart, Path valuesFile, Map<String, String> set) {
        String key = chart + "|" + valuesFile + "|" + set;
        Rendered cached = CACHE.get(key);
        if (cached == null) {
            cached = Rendered.of(template(chart, valuesFile, set), Values.effective(chart, valuesFile, set));
            CACHE.put(key, cached);
        }
        return cached;
    }

    /** helm template; throws IllegalStateException with Helm's message when the chart refuses the values. */
    public static String template(Path chart, Path valuesFile, Map<String, String> set) {
        var command = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        if (valuesFile != null) {
            command = command.withValuesFile(valuesFile);
        }
        for (var e : set.entrySet()) {
            command = command.set(e.getKey(), e.getValue());
        }
        return command.call();
    }
}
