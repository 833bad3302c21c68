package io.teamscpe.reporting.rest;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.platform.security.FirmContext;
import io.teamscpe.reporting.audit.AuditBundle;
import io.teamscpe.reporting.service.AuditBundleService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sessions/{id}/audit-bundle")
@RolesAllowed("cpe-admin")
@Blocking
@Tag(name = "Reports", description = "Raw Data and Completion reports, overrides, processing")
public class AuditBundleResource {
    private final AuditBundleService bundle;
    private final FirmContext firm;

    public AuditBundleResource(AuditBundleService bundle, FirmContext firm) {
        this.bundle = bundle;
        this.firm = firm;
    }

    @GET
    @Produces("application/zip")
    @Operation(summary = "A zip an auditor can keep: raw Graph snapshots or uploaded attendance files, poll files "
            + "with hashes, the ruleset version, every decision with its reason, overrides, what was published, "
            + "and a manifest with each file's SHA-256")
    public Response download(@PathParam("id") String sessionId) {
        AuditBundle prepared = bundle.prepare(firm.firmId(), sessionId, firm.userId());
        StreamingOutput body = prepared::write;
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + prepared.fileName() + "\"").build();
    }
}
