package io.teamscpe.devstack.kafka;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test helper: checks an event's JSON data against its contract, the JSON Schema (draft 2020-12) at classpath
 * resource {@code schemas/<ce_type>.json} (the contracts jar holds them). Relative {@code $ref}s resolve on the
 * classpath too.
 */
public final class EventSchemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The classpath resource holding the schema of {@code ceType}. */
    public static String resource(String ceType) {
        return "schemas/" + ceType + ".json";
    }

    /** Violations of {@code json} against the schema of {@code ceType}; empty when valid. */
    public static List<String> validate(String ceType, String json) {
        String resource = resource(ceType);
        if (Thread.currentThread().getContextClassLoader().getResource(resource) == null
                && EventSchemas.class.getClassLoader().getResource(resource) == null) {
            return List.of("no JSON Schema for event type " + ceType + " (classpath resource " + resource + ")");
        }
        Schema schema;
        try {
            schema = CACHE.computeIfAbsent(ceType, t -> REGISTRY.getSchema(SchemaLocation.of("classpath:" + resource)));
        } catch (RuntimeException e) {
            return List.of("the JSON Schema " + resource + " is unusable: " + e.getMessage());
        }
        try {
            return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
        } catch (RuntimeException e) {
            // unparsable input surfaces as a (Jackson) runtime exception
            return List.of("not a JSON document: " + e.getMessage());
        }
    }
}
