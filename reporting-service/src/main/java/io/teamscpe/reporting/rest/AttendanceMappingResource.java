package io.teamscpe.reporting.rest;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.platform.security.FirmContext;
import io.teamscpe.platform.web.Created;
import io.teamscpe.reporting.api.AttendanceMappingApi.MapRequest;
import io.teamscpe.reporting.api.AttendanceMappingApi.MappingView;
import io.teamscpe.reporting.api.AttendanceMappingApi.MappingsOverview;
import io.teamscpe.reporting.service.AttendanceMappingService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Attendance mappings: an administrator ties an attendee Teams could not tie to a professional (a guest who did not
 * sign in, a personal or another firm's account, another email) to an enrolled professional, or undoes it.
 */
@Path("/api/sessions/{id}/attendance-mappings")
@RolesAllowed("cpe-admin")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Completion", description = "Suggested and final credit, overrides, processing CPE")
public class AttendanceMappingResource {
    private final AttendanceMappingService mappings;
    private final FirmContext firm;

    public AttendanceMappingResource(AttendanceMappingService mappings, FirmContext firm) {
        this.mappings = mappings;
        this.firm = firm;
    }

    @GET
    @Operation(summary = "The session's attendance mappings in force, and its unmatched attendees with the enrolled "
            + "professionals they may be (ranked by name similarity and poll-time overlap)")
    public MappingsOverview overview(@PathParam("id") String sessionId) {
        return MappingsOverview.of(mappings.overview(firm.firmId(), sessionId));
    }

    @POST
    @Operation(summary = "Map an unmatched attendee to an enrolled professional (remembered for the firm)")
    @APIResponse(responseCode = "201", description = "Mapped: the attendance counts for the professional",
            headers = @Header(name = "Location", description = "The mapping, DELETE it to undo: "
                    + "/api/sessions/{id}/attendance-mappings/{participantKey}",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MappingView.class)))
    public Response map(@PathParam("id") String sessionId, @Valid @NotNull MapRequest request) {
        MappingView view = MappingView.of(mappings.map(firm.firmId(), sessionId, request.participantKey().trim(),
                request.lmsId().trim(), firm.userId()));
        return Created.at("/api/sessions/" + sessionId + "/attendance-mappings/"
                + URLEncoder.encode(view.participantKey(), StandardCharsets.UTF_8).replace("+", "%20"), view);
    }

    @DELETE
    @Path("{participantKey}")
    @Operation(summary = "Undo a participant's attendance mapping in this session: the row is unmatched again")
    @APIResponse(responseCode = "204", description = "Undone")
    public Response undo(@PathParam("id") String sessionId, @PathParam("participantKey") String participantKey) {
        mappings.undo(firm.firmId(), sessionId, participantKey, firm.userId());
        return Response.noContent().build();
    }
}
