package io.teamscpe.platform.audit;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Internal: a service's part of a session's audit bundle, for reporting-service, which assembles the bundle. Served
 * by every service that has an {@link AuditPart}; the others answer 404.
 */
@Path("/internal/audit/sessions/{id}")
@RolesAllowed("cpe-service")
@Blocking
@Tag(name = "Internal", description = "Service-to-service; not routed by the gateway")
public class AuditPartResource {
    private final Instance<AuditPart> part;

    public AuditPartResource(Instance<AuditPart> part) {
        this.part = part;
    }

    @GET
    @Produces("application/zip")
    @Operation(summary = "This service's audit material for the session, as a zip")
    public StreamingOutput part(@PathParam("id") String sessionId, @QueryParam("firmId") String firmId) {
        if (part.isUnsatisfied() || firmId == null || !part.get().known(firmId, sessionId)) {
            throw ProblemException.notFound("Session", sessionId);
        }
        AuditPart material = part.get();
        return out -> material.write(sessionId, out);
    }
}
