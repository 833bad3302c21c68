package io.teamscpe.platform.web;

import jakarta.ws.rs.core.EntityTag;

/**
 * The strong ETag of one version of a resource: {@code "<kind>-<version>"}, e.g. {@code "session-7"}. The version
 * changes with every change of the resource; the kind keeps one resource's tag from matching another kind's.
 */
public record ETag(String kind, long version) {
    /** The opaque tag without its quotes: {@code session-7}. */
    public String value() {
        return kind + "-" + version;
    }

    /** As the {@code ETag} header and problem bodies show it: {@code "session-7"}. */
    public String header() {
        return "\"" + value() + "\"";
    }

    public EntityTag entityTag() {
        return new EntityTag(value());
    }

    @Override
    public String toString() {
        return header();
    }
}
