package io.teamscpe.session.rest;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.platform.security.FirmContext;
import io.teamscpe.session.api.EnrollmentApi.EnrolleeRequest;
import io.teamscpe.session.api.EnrollmentApi.RosterRequest;
import io.teamscpe.session.api.EnrollmentApi.RosterView;
import io.teamscpe.session.service.EnrollmentService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sessions/{id}/enrollments")
@RolesAllowed("cpe-admin")
@Blocking
@Tag(name = "Enrollments", description = "The roster the LMS syncs; published so attendance and polls match people")
public class EnrollmentResource {
    private final EnrollmentService enrollments;
    private final FirmContext firm;

    public EnrollmentResource(EnrollmentService enrollments, FirmContext firm) {
        this.enrollments = enrollments;
        this.firm = firm;
    }

    @GET
    @Operation(summary = "The session's roster")
    public RosterView list(@PathParam("id") UUID id) {
        return RosterView.of(enrollments.list(firm.firmId(), id));
    }

    @PUT
    @Operation(summary = "Replace the roster (idempotent: the same roster again changes and publishes nothing)")
    public RosterView replace(@PathParam("id") UUID id, @Valid @NotNull RosterRequest request) {
        return RosterView.of(enrollments.replace(firm.firmId(), id, request.entries()));
    }

    @POST
    @Operation(summary = "Enroll one professional (or update them, matched on lmsId)")
    public RosterView add(@PathParam("id") UUID id, @Valid @NotNull EnrolleeRequest request) {
        return RosterView.of(enrollments.add(firm.firmId(), id, request.entry()));
    }

    @DELETE
    @Path("{lmsId}")
    @Operation(summary = "Remove one professional from the roster")
    public RosterView remove(@PathParam("id") UUID id, @PathParam("lmsId") String lmsId) {
        return RosterView.of(enrollments.remove(firm.firmId(), id, lmsId));
    }
}
