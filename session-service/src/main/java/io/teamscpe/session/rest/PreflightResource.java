package io.teamscpe.session.rest;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.platform.security.FirmContext;
import io.teamscpe.session.api.PreflightApi.PreflightReport;
import io.teamscpe.session.service.PreflightService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sessions/{id}/preflight")
@RolesAllowed("cpe-admin")
@Blocking
@Tag(name = "Sessions")
public class PreflightResource {
    private final PreflightService preflight;
    private final FirmContext firm;

    public PreflightResource(PreflightService preflight, FirmContext firm) {
        this.preflight = preflight;
        this.firm = firm;
    }

    @GET
    @Operation(summary = "Checks the session can run: token, meeting, access policy, ruleset, enrollments")
    public PreflightReport run(@PathParam("id") UUID id) {
        return PreflightReport.of(preflight.run(firm.firmId(), id));
    }
}
