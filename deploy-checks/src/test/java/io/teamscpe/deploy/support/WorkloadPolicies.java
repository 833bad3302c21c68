package io.teamscpe.deploy.support;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** House rules for each Deployment and its pods. Each violation names the object and what to fix. */
public final class WorkloadPolicies {
    private static final Map<String, String> PROBE_PATHS = Map.of(
            "startupProbe", "/q/health/started", "livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready");

    private WorkloadPolicies() {
    }

    public static List<String> check(Rendered r) {
        List<String> out = new ArrayList<>();
        List<Deployment> deployments = r.objects(Deployment.class);
        for (SuiteService s : SuiteService.values()) {
            if (deployments.stream().noneMatch(d -> d.getMetadata().getName().equals(s.resourceName()))) {
                out.add("no Deployment " + s.resourceName());
            }
        }
        for (Deployment d : deployments) {
            String where = "Deployment/" + d.getMetadata().getName();
            selector(d, where, out);
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                out.add(where + ": automountServiceAccountToken must be false (the services never call the API)");
            }
            shutdown(r, pod, where, out);
            for (Container c : pod.getContainers()) {
                String at = where + " container " + c.getName();
                probes(c, at, out);
                resources(c, at, out);
                security(pod, c, at, out);
                image(c, at, out);
                tmp(pod, c, at, out);
            }
        }
        return out;
    }

    private static void selector(Deployment d, String where, List<String> out) {
        Map<String, String> labels = Optional.ofNullable(d.getSpec().getSelector().getMatchLabels()).orElse(Map.of());
        labels.keySet().stream()
                .filter(k -> k.contains("version") || k.equals("helm.sh/chart"))
                .forEach(k -> out.add(where + ": selector label " + k + " changes between releases, and a "
                        + "Deployment's selector is immutable (the upgrade would fail)"));
        Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
        labels.forEach((k, v) -> {
            if (!v.equals(podLabels.get(k))) {
                out.add(where + ": selector " + k + "=" + v + " does not match the pod template labels");
            }
        });
    }

    private static void probes(Container c, String at, List<String> out) {
        Map<String, Probe> probes = new java.util.HashMap<>();
        probes.put("startupProbe", c.getStartupProbe());
        probes.put("livenessProbe", c.getLivenessProbe());
        probes.put("readinessProbe", c.getReadinessProbe());
        PROBE_PATHS.forEach((name, path) -> {
            Probe p = probes.get(name);
            if (p == null || p.getHttpGet() == null) {
                out.add(at + ": no " + name + " (httpGet " + path + " on the management port 9000)");
                return;
            }
            var get = p.getHttpGet();
            String port = get.getPort() == null ? "" : String.valueOf(get.getPort().getValue());
            if (!path.equals(get.getPath()) || !(port.equals("management") || port.equals("9000"))) {
                out.add(at + ": " + name + " must get " + path + " on port 9000 (management), not "
                        + get.getPath() + " on " + port);
            }
        });
    }

    private static void resources(Container c, String at, List<String> out) {
        var res = c.getResources();
        if (res == null || res.getRequests() == null || !res.getRequests().containsKey("memory")) {
            out.add(at + ": no memory request");
        }
        if (res == null || res.getLimits() == null || !res.getLimits().containsKey("memory")) {
            out.add(at + ": no memory limit");
        }
    }

    private static void security(PodSpec pod, Container c, String at, List<String> out) {
        SecurityContext sc = Optional.ofNullable(c.getSecurityContext()).orElse(new SecurityContext());
        Boolean nonRoot = sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot()
                : pod.getSecurityContext() == null ? null : pod.getSecurityContext().getRunAsNonRoot();
        if (!Boolean.TRUE.equals(nonRoot)) {
            out.add(at + ": runAsNonRoot must be true");
        }
        if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
            out.add(at + ": readOnlyRootFilesystem must be true");
        }
        if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
            out.add(at + ": allowPrivilegeEscalation must be false");
        }
        List<String> dropped = sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
                ? List.of() : sc.getCapabilities().getDrop();
        if (!dropped.contains("ALL")) {
            out.add(at + ": capabilities must drop ALL");
        }
        if (sc.getCapabilities() != null && sc.getCapabilities().getAdd() != null
                && !sc.getCapabilities().getAdd().isEmpty()) {
            out.add(at + ": adds capabilities " + sc.getCapabilities().getAdd());
        }
    }

    private static void image(Container c, String at, List<String> out) {
        String image = Objects.requireNonNullElse(c.getImage(), "");
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        if (!lastSegment.contains(":") && !image.contains("@sha256:")) {
            out.add(at + ": image " + image + " has no tag (that means :latest)");
        } else if (lastSegment.endsWith(":latest")) {
            out.add(at + ": image " + image + " uses :latest");
        }
    }

    private static void tmp(PodSpec pod, Container c, String at, List<String> out) {
        boolean mounted = c.getVolumeMounts() != null && c.getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals("/tmp"))
                .anyMatch(m -> pod.getVolumes().stream()
                        .anyMatch(v -> v.getName().equals(m.getName()) && v.getEmptyDir() != null));
        if (!mounted) {
            out.add(at + ": no emptyDir at /tmp (the root filesystem is read-only)");
        }
    }

    /** terminationGracePeriodSeconds must cover the preStop sleep plus QUARKUS_SHUTDOWN_TIMEOUT. */
    private static void shutdown(Rendered r, PodSpec pod, String where, List<String> out) {
        Optional<String> timeout = r.objects(ConfigMap.class).stream()
                .map(cm -> cm.getData() == null ? null : cm.getData().get("QUARKUS_SHUTDOWN_TIMEOUT"))
                .filter(Objects::nonNull).findFirst();
        if (timeout.isEmpty()) {
            out.add(where + ": no QUARKUS_SHUTDOWN_TIMEOUT in the configuration");
            return;
        }
        long quarkus = Duration.parse(timeout.get()).toSeconds();
        long preStop = pod.getContainers().stream()
                .map(c -> c.getLifecycle() == null || c.getLifecycle().getPreStop() == null
                        || c.getLifecycle().getPreStop().getSleep() == null
                        ? 0L : c.getLifecycle().getPreStop().getSleep().getSeconds())
                .max(Long::compare).orElse(0L);
        Long grace = pod.getTerminationGracePeriodSeconds();
        if (grace == null || grace <= preStop + quarkus) {
            out.add(where + ": terminationGracePeriodSeconds " + grace + " must exceed preStop " + preStop
                    + " s + QUARKUS_SHUTDOWN_TIMEOUT " + quarkus + " s (the pod is killed mid-request otherwise)");
        }
    }
}
