package io.teamscpe.platform.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * 201 with a relative {@code Location} (RFC 9110 allows it): built from the path alone, never from the request's
 * {@code Host} header, which a caller controls.
 */
public final class Created {
    private Created() {
    }

    public static Response at(String path, Object entity) {
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, path).entity(entity).build();
    }

    /** The same, with the new resource's ETag (for the caller's first If-Match). */
    public static Response at(String path, Object entity, ETag tag) {
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, path).tag(tag.entityTag())
                .entity(entity).build();
    }
}
