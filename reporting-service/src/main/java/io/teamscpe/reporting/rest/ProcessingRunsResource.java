package io.teamscpe.reporting.rest;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.platform.security.FirmContext;
import io.teamscpe.reporting.api.ProcessingApi.ProcessingRunEvents;
import io.teamscpe.reporting.api.ProcessingApi.ProcessingRuns;
import io.teamscpe.reporting.service.ProcessingHistoryService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A session's processing history for the front end: what each "process CPE" run sent downstream. */
@Path("/api/sessions/{id}/processing-runs")
@RolesAllowed("cpe-admin")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Completion", description = "Suggested and final credit, overrides, processing CPE")
public class ProcessingRunsResource {
    private final ProcessingHistoryService history;
    private final FirmContext firm;

    public ProcessingRunsResource(ProcessingHistoryService history, FirmContext firm) {
        this.history = history;
        this.firm = firm;
    }

    @GET
    @Operation(summary = "The session's processing runs (latest first): run number, who, when, and how many awards, "
            + "revisions, revocations and unchanged credits each published")
    public ProcessingRuns runs(@PathParam("id") String sessionId) {
        ProcessingHistoryService.Runs found = history.runs(firm.firmId(), sessionId);
        return ProcessingRuns.of(sessionId, found.runs(), found.sent());
    }

    @GET
    @Path("{run}")
    @Operation(summary = "One processing run with the credit events it published on cpe.credits.v1, as sent")
    public ProcessingRunEvents run(@PathParam("id") String sessionId, @PathParam("run") int run) {
        ProcessingHistoryService.RunEvents found = history.run(firm.firmId(), sessionId, run);
        return ProcessingRunEvents.of(found.run(), found.events());
    }
}
