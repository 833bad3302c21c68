package io.teamscpe.deploy.support;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** The five services the chart installs: values key, name (module, image, Kafka user, consumer group). */
public enum SuiteService {
    CREDENTIAL("credential", "credential-service", false),
    SESSION("session", "session-service", false),
    ATTENDANCE("attendance", "attendance-ingest-service", true),
    POLLING("polling", "polling-service", true),
    REPORTING("reporting", "reporting-service", true);

    public final String valuesKey;
    public final String serviceName;
    /** has Kafka consumers: at most as many useful replicas as partitions */
    public final boolean consumer;

    SuiteService(String valuesKey, String serviceName, boolean consumer) {
        this.valuesKey = valuesKey;
        this.serviceName = serviceName;
        this.consumer = consumer;
    }

    /** The name of its Deployment, Service, ServiceAccount ... in a release named {@link Chart#RELEASE}. */
    public String resourceName() {
        return Chart.RELEASE + "-" + serviceName;
    }

    public Path module() {
        return Repo.ROOT.resolve(serviceName);
    }

    public static Optional<SuiteService> byResourceName(String name) {
        return Arrays.stream(values()).filter(s -> s.resourceName().equals(name)).findFirst();
    }
}
