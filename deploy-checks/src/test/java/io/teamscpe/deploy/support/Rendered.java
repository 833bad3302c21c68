package io.teamscpe.deploy.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** The output of one helm template (its text, documents and typed objects) and the values it was rendered with. */
public record Rendered(String yaml, List<ObjectNode> documents, ObjectNode values) {

    public static Rendered of(String yaml, ObjectNode values) {
        return new Rendered(yaml, List.copyOf(Yaml.documents(yaml)), values);
    }

    /** A copy with its text edited (seeding a mistake as an author would type it). */
    public Rendered editText(UnaryOperator<String> edit) {
        String edited = edit.apply(yaml);
        if (edited.equals(yaml)) {
            throw new IllegalArgumentException("the edit changed nothing");
        }
        return of(edited, values);
    }

    /** A copy with its documents edited (the originals stay untouched). */
    public Rendered edit(Consumer<List<ObjectNode>> edit) {
        List<ObjectNode> copy = new java.util.ArrayList<>(documents.stream().map(ObjectNode::deepCopy).toList());
        edit.accept(copy);
        return of(Yaml.write(copy), values);
    }

    /** A copy rendered from the same text with other values (e.g. values that name another Secret). */
    public Rendered withValues(ObjectNode other) {
        return new Rendered(yaml, documents, other);
    }

    public List<ObjectNode> ofKind(String kind) {
        return documents.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    public List<HasMetadata> objects() {
        return documents.stream().map(Models::parse).toList();
    }

    public <T extends HasMetadata> List<T> objects(Class<T> type) {
        return objects().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Every document's strict-model violations (empty: each object is exactly what its model knows). */
    public List<String> modelViolations() {
        return documents.stream().flatMap(d -> Models.violations(d).stream()).toList();
    }
}
