package io.teamscpe.platform.web;

import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Answers of versioned resources: a read carries the resource's {@code ETag} and is a 304 when the caller's
 * {@code If-None-Match} names it; a write carries the new {@code ETag}, for the caller's next {@code If-Match}.
 */
public final class ETagged {
    /** For the OpenAPI documents: what a write's If-Match does. */
    public static final String IF_MATCH = "The ETag of your last read of this resource: the change is made only if "
            + "nobody changed it since, else 412 edit-conflict (problem+json with currentETag: reload, reapply, send "
            + "again). * matches any version; left out, the write goes ahead whatever the version. Not an entity-tag "
            + "list: 400 malformed-if-match.";
    /** For the OpenAPI documents: what a read's If-None-Match does. */
    public static final String IF_NONE_MATCH = "An ETag you hold: 304 without a body while it is still current.";
    private ETagged() {
    }

    /** 200 with the entity and its ETag, or 304 (no body) when {@code ifNoneMatch} already names this version. */
    public static <T> RestResponse<T> read(T entity, ETag tag, String ifNoneMatch) {
        if (noneMatchNames(ifNoneMatch, tag.value())) {
            return RestResponse.ResponseBuilder.<T>notModified(tag.entityTag()).build();
        }
        return written(entity, tag);
    }

    /** 200 with the entity as it is after the write, and its new ETag. */
    public static <T> RestResponse<T> written(T entity, ETag tag) {
        return RestResponse.ResponseBuilder.ok(entity).tag(tag.entityTag()).build();
    }

    /**
     * Whether {@code ifNoneMatch} is {@code *} or names {@code opaqueTag} (RFC 9110 §13.1.2: weak comparison, so
     * {@code W/"x"} names {@code "x"}). A value that is not a list of entity tags names nothing: the full answer.
     */
    public static boolean noneMatchNames(String ifNoneMatch, String opaqueTag) {
        if (ifNoneMatch == null) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        return IfMatch.EntityTags.parse(ifNoneMatch).orElse(List.of()).stream()
                .anyMatch(t -> t.opaque().equals(opaqueTag));
    }
}
