package io.teamscpe.attendance.rest;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.attendance.IngestionJob;
import io.teamscpe.attendance.service.IngestionService;
import io.teamscpe.platform.security.FirmContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sessions/{id}/attendance")
@RolesAllowed("cpe-admin")
@Blocking
@Tag(name = "Attendance", description = "Getting attendance out of Microsoft Teams")
public class AttendanceResource {
    private final IngestionService ingestion;
    private final FirmContext firm;

    public AttendanceResource(IngestionService ingestion, FirmContext firm) {
        this.ingestion = ingestion;
        this.firm = firm;
    }

    @Schema(description = "Where fetching the session's attendance stands")
    public record AttendanceStatus(String sessionId, IngestionJob.State state, String detail, int pages,
                                   int records, List<String> reportsUsed, String snapshotId, Instant lastFetchAt) {
        static AttendanceStatus of(IngestionJob j) {
            return new AttendanceStatus(j.sessionId, j.state, j.detail, j.pages, j.records, j.reportsUsed,
                    j.snapshotId, j.lastFetchAt);
        }
    }

    @GET
    public AttendanceStatus status(@PathParam("id") String sessionId) {
        return AttendanceStatus.of(ingestion.status(firm.firmId(), sessionId));
    }

    @POST
    @Path("refresh")
    public Response refresh(@PathParam("id") String sessionId) {
        return Response.accepted(AttendanceStatus.of(ingestion.refresh(firm.firmId(), sessionId))).build();
    }
}
