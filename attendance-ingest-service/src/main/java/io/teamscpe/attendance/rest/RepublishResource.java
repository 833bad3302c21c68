package io.teamscpe.attendance.rest;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.attendance.api.RepublishStatus;
import io.teamscpe.attendance.service.SnapshotRepublishing;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Internal: a consumer (reporting, polling) that found a snapshot incomplete asks for it again. Answers 202 with the
 * session's current snapshot, sent again unless that was done within the last minute.
 */
@Path("/internal/sessions/{id}/attendance/republish")
@RolesAllowed("cpe-service")
@Blocking
@Tag(name = "Internal", description = "Service-to-service; not routed by the gateway")
public class RepublishResource {
    private final SnapshotRepublishing republishing;

    public RepublishResource(SnapshotRepublishing republishing) {
        this.republishing = republishing;
    }

    @POST
    @Operation(summary = "Send the session's current attendance snapshot again")
    public Response republish(@PathParam("id") String sessionId, @QueryParam("firmId") String firmId) {
        return Response.accepted(RepublishStatus.of(republishing.republish(firmId, sessionId))).build();
    }
}
