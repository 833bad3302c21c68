package io.teamscpe.reporting.rest;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.platform.security.FirmContext;
import io.teamscpe.reporting.rest.CompletionApi.CompletionReport;
import io.teamscpe.reporting.service.CompletionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sessions/{id}/completion")
@RolesAllowed("cpe-admin")
@Blocking
@Tag(name = "Completion", description = "Suggested and final credit per participant")
public class CompletionResource {
    private final CompletionService completion;
    private final FirmContext firm;

    public CompletionResource(CompletionService completion, FirmContext firm) {
        this.completion = completion;
        this.firm = firm;
    }

    @GET
    public CompletionReport get(@PathParam("id") String sessionId) {
        return completion.report(firm.firmId(), sessionId);
    }
}
