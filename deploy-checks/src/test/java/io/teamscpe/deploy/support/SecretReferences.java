package io.teamscpe.deploy.support;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.Map;
import java.util.TreeMap;

/** Every Secret the rendered objects refer to, with where the first reference is. */
public final class SecretReferences {
    private SecretReferences() {
    }

    public static Map<String, String> of(Rendered r) {
        Map<String, String> refs = new TreeMap<>();
        for (Deployment d : r.objects(Deployment.class)) {
            String where = "Deployment/" + d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            if (pod.getImagePullSecrets() != null) {
                pod.getImagePullSecrets().forEach(s -> refs.putIfAbsent(s.getName(), where + " imagePullSecrets"));
            }
            if (pod.getVolumes() != null) {
                pod.getVolumes().stream().filter(v -> v.getSecret() != null)
                        .forEach(v -> refs.putIfAbsent(v.getSecret().getSecretName(), where + " volume " + v.getName()));
            }
            for (Container c : pod.getContainers()) {
                if (c.getEnv() != null) {
                    c.getEnv().stream()
                            .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                            .forEach(e -> refs.putIfAbsent(e.getValueFrom().getSecretKeyRef().getName(),
                                    where + " env " + e.getName()));
                }
                if (c.getEnvFrom() != null) {
                    c.getEnvFrom().stream().filter(e -> e.getSecretRef() != null)
                            .forEach(e -> refs.putIfAbsent(e.getSecretRef().getName(), where + " envFrom"));
                }
            }
        }
        for (Ingress i : r.objects(Ingress.class)) {
            if (i.getSpec().getTls() != null) {
                i.getSpec().getTls().forEach(t -> refs.putIfAbsent(t.getSecretName(),
                        "Ingress/" + i.getMetadata().getName() + " tls"));
            }
        }
        return refs;
    }
}
