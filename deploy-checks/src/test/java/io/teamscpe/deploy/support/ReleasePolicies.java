package io.teamscpe.deploy.support;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** House rules across the objects of a release: budgets, scaling caps, network policies, Secrets, monitoring. */
public final class ReleasePolicies {
    /** Every topic has this many partitions (io.teamscpe.contracts.Topics.PARTITIONS). */
    private static final int PARTITIONS = io.teamscpe.contracts.Topics.PARTITIONS;
    private static final Set<String> FORBIDDEN_KINDS = Set.of("Role", "RoleBinding", "ClusterRole",
            "ClusterRoleBinding", "Job", "Pod");

    private ReleasePolicies() {
    }

    public static List<String> check(Rendered r) {
        List<String> out = new ArrayList<>(checkKinds(r));
        r.objects().forEach(o -> noTimestamps(o, out));
        for (Deployment d : r.objects(Deployment.class)) {
            budgetAndScaling(r, d, out);
            networkPolicy(r, d, out);
            serviceAccount(r, d, out);
        }
        secrets(r, out);
        r.objects(ServiceMonitor.class).forEach(sm -> serviceMonitor(r, sm, out));
        return out;
    }

    /** Kinds the chart never renders (no RBAC: the services never call the Kubernetes API; no Job or bare Pod). */
    public static List<String> checkKinds(Rendered r) {
        return r.documents().stream().filter(d -> FORBIDDEN_KINDS.contains(d.path("kind").asText()))
                .map(d -> Models.describe(d) + ": the chart renders no " + d.path("kind").asText()).toList();
    }

    private static void noTimestamps(HasMetadata o, List<String> out) {
        List<Map<String, String>> maps = new ArrayList<>();
        maps.add(o.getMetadata().getAnnotations());
        maps.add(o.getMetadata().getLabels());
        if (o instanceof Deployment d) {
            maps.add(d.getSpec().getTemplate().getMetadata().getAnnotations());
            maps.add(d.getSpec().getTemplate().getMetadata().getLabels());
        }
        maps.stream().filter(m -> m != null).flatMap(m -> m.keySet().stream())
                .filter(k -> k.toLowerCase().matches(".*(timestamp|build-?time|build-?date|created-?at).*"))
                .forEach(k -> out.add(o.getKind() + "/" + o.getMetadata().getName() + ": " + k
                        + " holds a build time (every build would differ, and every upgrade would roll the pods)"));
    }

    private static void budgetAndScaling(Rendered r, Deployment d, List<String> out) {
        String name = d.getMetadata().getName();
        Optional<HorizontalPodAutoscaler> hpa = r.objects(HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(name)).findFirst();
        int least = hpa.map(h -> Optional.ofNullable(h.getSpec().getMinReplicas()).orElse(1))
                .orElse(Optional.ofNullable(d.getSpec().getReplicas()).orElse(1));
        int most = hpa.map(h -> h.getSpec().getMaxReplicas())
                .orElse(Optional.ofNullable(d.getSpec().getReplicas()).orElse(1));
        if (hpa.isPresent() && d.getSpec().getReplicas() != null) {
            out.add("Deployment/" + name + ": sets replicas although a HorizontalPodAutoscaler scales it");
        }
        boolean consumer = SuiteService.byResourceName(name).map(s -> s.consumer).orElse(false);
        if (consumer && most > PARTITIONS) {
            out.add("Deployment/" + name + ": up to " + most + " replicas, but a consumer has at most " + PARTITIONS
                    + " useful replicas (one per partition); the others never become ready");
        }
        List<PodDisruptionBudget> budgets = r.objects(PodDisruptionBudget.class).stream()
                .filter(p -> selects(p.getSpec().getSelector(), podLabels(d))).toList();
        if (least >= 2 && budgets.isEmpty()) {
            out.add("Deployment/" + name + ": " + least + " replicas and no PodDisruptionBudget");
        }
        if (least < 2 && !budgets.isEmpty()) {
            out.add("PodDisruptionBudget/" + budgets.get(0).getMetadata().getName() + ": over " + least
                    + " replica, it blocks every node drain (only with 2 or more replicas)");
        }
    }

    private static void networkPolicy(Rendered r, Deployment d, List<String> out) {
        String name = d.getMetadata().getName();
        List<NetworkPolicy> policies = r.objects(NetworkPolicy.class).stream()
                .filter(p -> selects(p.getSpec().getPodSelector(), podLabels(d))).toList();
        if (policies.size() != 1) {
            out.add("Deployment/" + name + ": " + policies.size() + " NetworkPolicies select its pods, not one");
            return;
        }
        NetworkPolicy p = policies.get(0);
        if (p.getSpec().getPolicyTypes() == null || !p.getSpec().getPolicyTypes().contains("Ingress")) {
            out.add("NetworkPolicy/" + p.getMetadata().getName() + ": policyTypes must include Ingress");
        }
        p.getSpec().getIngress().forEach(rule -> {
            if (rule.getPorts() == null || rule.getPorts().isEmpty()) {
                out.add("NetworkPolicy/" + p.getMetadata().getName() + ": a rule without ports opens every port");
                return;
            }
            rule.getPorts().forEach(port -> {
                String value = port.getPort() == null ? "(every port)" : String.valueOf(port.getPort().getValue());
                if (!Set.of("http", "8080", "management", "9000").contains(value)) {
                    out.add("NetworkPolicy/" + p.getMetadata().getName() + ": opens port " + value);
                }
            });
            boolean management = rule.getPorts().stream()
                    .anyMatch(port -> port.getPort() != null
                            && Set.of("management", "9000").contains(String.valueOf(port.getPort().getValue())));
            if (management && rule.getFrom().stream().anyMatch(peer -> peer.getNamespaceSelector() == null)) {
                out.add("NetworkPolicy/" + p.getMetadata().getName()
                        + ": the management port is for the monitoring namespace only");
            }
        });
    }

    private static void serviceAccount(Rendered r, Deployment d, List<String> out) {
        String account = d.getSpec().getTemplate().getSpec().getServiceAccountName();
        Optional<ServiceAccount> sa = r.objects(ServiceAccount.class).stream()
                .filter(a -> a.getMetadata().getName().equals(account)).findFirst();
        if (sa.isEmpty()) {
            out.add("Deployment/" + d.getMetadata().getName() + ": ServiceAccount " + account + " is not rendered");
        } else if (!Boolean.FALSE.equals(sa.get().getAutomountServiceAccountToken())) {
            out.add("ServiceAccount/" + account + ": automountServiceAccountToken must be false");
        }
    }

    /** Every Secret a pod or route refers to is rendered by the chart or named in the values as the operator's. */
    private static void secrets(Rendered r, List<String> out) {
        Set<String> rendered = new TreeSet<>();
        r.objects(Secret.class).forEach(s -> rendered.add(s.getMetadata().getName()));
        Set<String> supplied = Values.operatorSuppliedSecrets(r.values());
        SecretReferences.of(r).forEach((secret, where) -> {
            if (!rendered.contains(secret) && !supplied.contains(secret)) {
                out.add(where + ": Secret " + secret + " is neither rendered nor named in the values as one the "
                        + "operator supplies");
            }
        });
    }

    private static void serviceMonitor(Rendered r, ServiceMonitor sm, List<String> out) {
        String where = "ServiceMonitor/" + sm.getMetadata().getName();
        LabelSelector selector = sm.getSpec().getSelector();
        boolean empty = selector == null
                || (isEmpty(selector.getMatchLabels()) && isEmpty(selector.getMatchExpressions()));
        if (empty) {
            out.add(where + ": an empty selector scrapes every Service in the namespace");
            return;
        }
        long selected = r.objects(io.fabric8.kubernetes.api.model.Service.class).stream()
                .filter(s -> selects(selector, s.getMetadata().getLabels())).count();
        if (selected != 1) {
            out.add(where + ": selects " + selected + " Services, not exactly one");
        }
        sm.getSpec().getEndpoints().forEach(e -> {
            if (!"management".equals(e.getPort()) || !"/q/metrics".equals(e.getPath())) {
                out.add(where + ": scrape /q/metrics on port management, not " + e.getPath() + " on " + e.getPort());
            }
        });
    }

    private static boolean isEmpty(Object mapOrList) {
        return mapOrList == null || (mapOrList instanceof Map<?, ?> m && m.isEmpty())
                || (mapOrList instanceof List<?> l && l.isEmpty());
    }

    private static Map<String, String> podLabels(Deployment d) {
        return d.getSpec().getTemplate().getMetadata().getLabels();
    }

    /** matchLabels only (the chart uses no matchExpressions; one here is treated as not matching). */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null || labels == null || !isEmpty(selector.getMatchExpressions())) {
            return false;
        }
        Map<String, String> wanted = Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of());
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
