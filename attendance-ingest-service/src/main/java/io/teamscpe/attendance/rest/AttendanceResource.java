package io.teamscpe.attendance.rest;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.attendance.api.AttendanceStatus;
import io.teamscpe.attendance.service.FetchScheduler;
import io.teamscpe.platform.security.FirmContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sessions/{id}/attendance")
@RolesAllowed("cpe-admin")
@Blocking
@Tag(name = "Attendance", description = "Getting attendance out of Microsoft Teams")
public class AttendanceResource {
    private final FetchScheduler ingestion;
    private final FirmContext firm;

    public AttendanceResource(FetchScheduler ingestion, FirmContext firm) {
        this.ingestion = ingestion;
        this.firm = firm;
    }

    @GET
    @Operation(summary = "Where fetching the session's attendance stands")
    public AttendanceStatus status(@PathParam("id") String sessionId) {
        return AttendanceStatus.of(ingestion.status(firm.firmId(), sessionId));
    }

    @POST
    @Path("refresh")
    @Operation(summary = "Refresh data: fetch the session's attendance from Microsoft Graph again",
            description = "Answers 202 with the fetch's status at once; poll GET .../attendance until it is no longer "
                    + "FETCHING. A fetch whose content is unchanged publishes nothing, unless republish=true: then "
                    + "the current snapshot is sent to the reports again (the repair when a report says its "
                    + "attendance arrived incomplete).")
    @APIResponse(responseCode = "202", description = "The fetch is under way; its status at once",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AttendanceStatus.class)))
    public Response refresh(@PathParam("id") String sessionId,
                            @QueryParam("republish") @DefaultValue("false") boolean republish) {
        return Response.accepted(AttendanceStatus.of(ingestion.refresh(firm.firmId(), sessionId, republish)))
                .build();
    }
}
