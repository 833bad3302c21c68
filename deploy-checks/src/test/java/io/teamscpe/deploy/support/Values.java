package io.teamscpe.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The values one render used: the chart's values.yaml, then a values file, then --set (as Helm merges them). */
public final class Values {
    private static final Set<String> SECRET_NAME_KEYS = Set.of("existingSecret", "caSecret", "secretName");

    private Values() {
    }

    public static ObjectNode effective(Path chart, Path valuesFile, Map<String, String> set) {
        ObjectNode values = Yaml.documents(chart.resolve("values.yaml")).get(0);
        if (valuesFile != null) {
            merge(values, Yaml.documents(valuesFile).get(0));
        }
        set.forEach((path, value) -> put(values, path, value));
        return values;
    }

    /**
     * The Secrets the operator supplies, as the values name them: every existingSecret, caSecret and secretName,
     * every kafka.userSecrets entry and every imagePullSecrets name.
     */
    public static Set<String> operatorSuppliedSecrets(ObjectNode values) {
        Set<String> names = new TreeSet<>();
        collect(values, null, names);
        values.path("kafka").path("userSecrets").forEach(n -> names.add(n.asText()));
        values.path("imagePullSecrets").forEach(n -> names.add(n.path("name").asText()));
        names.remove("");
        return names;
    }

    private static void collect(JsonNode node, String key, Set<String> names) {
        if (node.isTextual() && key != null && SECRET_NAME_KEYS.contains(key)) {
            names.add(node.asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            collect(e.getValue(), e.getKey(), names);
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, null, names));
        }
    }

    private static void merge(ObjectNode target, ObjectNode overrides) {
        overrides.fields().forEachRemaining(e -> {
            JsonNode current = target.get(e.getKey());
            if (current instanceof ObjectNode o && e.getValue() instanceof ObjectNode over) {
                merge(o, over);
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }

    private static void put(ObjectNode values, String dotted, String value) {
        String[] keys = dotted.split("\\.");
        ObjectNode node = values;
        for (int i = 0; i < keys.length - 1; i++) {
            node = node.get(keys[i]) instanceof ObjectNode o ? o : node.putObject(keys[i]);
        }
        node.set(keys[keys.length - 1], TextNode.valueOf(value));
    }
}
