package io.teamscpe.deploy.support;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The model of every kind the chart may render, and the strict check: unmarshal into the fabric8 model, then refuse
 * any field the model did not know (fabric8 keeps unknown fields in additionalProperties instead of failing, so a
 * misspelt field such as readinesProbe would otherwise pass unnoticed, and the API server would drop it).
 */
public final class Models {
    /** apiVersion/kind to model. A kind outside this map is refused: add its model before the chart renders it. */
    public static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("gateway.networking.k8s.io/v1/HTTPRoute", HTTPRoute.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Models() {
    }

    public static String key(ObjectNode doc) {
        return doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
    }

    public static String describe(ObjectNode doc) {
        return doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
    }

    /** The typed object (lenient: unknown fields end up in additionalProperties, see {@link #violations}). */
    public static HasMetadata parse(ObjectNode doc) {
        Class<? extends HasMetadata> model = KINDS.get(key(doc));
        if (model == null) {
            throw new IllegalArgumentException("no model for " + key(doc) + " (" + describe(doc) + ")");
        }
        return SERIALIZATION.convertValue(doc, model);
    }

    /** Everything the model refuses in one document: an unknown kind, or each unknown field with its path. */
    public static List<String> violations(ObjectNode doc) {
        List<String> out = new ArrayList<>();
        if (!KINDS.containsKey(key(doc))) {
            out.add(describe(doc) + ": no model for " + key(doc));
            return out;
        }
        walk(parse(doc), "", describe(doc), out);
        return out;
    }

    private static void walk(Object value, String path, String where, List<String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, where, out));
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", where, out);
            }
        } else if (value != null && value.getClass().getName().startsWith("io.fabric8.")) {
            for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    inspect(value, f, path, where, out);
                }
            }
        }
    }

    private static void inspect(Object owner, Field f, String path, String where, List<String> out) {
        if (Modifier.isStatic(f.getModifiers())) {
            return;
        }
        boolean unknown = f.getName().equals("additionalProperties");
        JsonProperty property = f.getAnnotation(JsonProperty.class);
        if (!unknown && property == null) {
            return;
        }
        Object v = read(owner, f);
        if (unknown) {
            if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
                out.add(where + ": unknown field " + extra.keySet() + " at " + (path.isEmpty() ? "." : path));
            }
            return;
        }
        String name = property.value().isEmpty() ? f.getName() : property.value();
        walk(v, path + "." + name, where, out);
    }

    private static Object read(Object owner, Field f) {
        try {
            f.setAccessible(true);
            return f.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
