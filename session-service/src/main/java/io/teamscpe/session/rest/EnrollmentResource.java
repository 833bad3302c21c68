package io.teamscpe.session.rest;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.platform.security.FirmContext;
import io.teamscpe.platform.web.ETagged;
import io.teamscpe.platform.web.IfMatch;
import io.teamscpe.session.Roster;
import io.teamscpe.session.api.EnrollmentApi.EnrolleeRequest;
import io.teamscpe.session.api.EnrollmentApi.RosterRequest;
import io.teamscpe.session.api.EnrollmentApi.RosterView;
import io.teamscpe.session.service.EnrollmentService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The roster is one versioned resource: its ETag names the roster revision, whichever of its writes made it. */
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
    @Operation(summary = "The session's roster, with its ETag")
    public RestResponse<RosterView> list(@PathParam("id") UUID id, @Parameter(description = ETagged.IF_NONE_MATCH)
                                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Roster roster = enrollments.list(firm.firmId(), id);
        return ETagged.read(RosterView.of(roster), roster.etag(), ifNoneMatch);
    }

    @PUT
    @Operation(summary = "Replace the roster (idempotent: the same roster again changes and publishes nothing). With "
            + "If-Match, only while the roster is at that ETag (412 edit-conflict otherwise)")
    public RestResponse<RosterView> replace(@PathParam("id") UUID id, @Parameter(description = ETagged.IF_MATCH)
                                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                            @Valid @NotNull RosterRequest request) {
        return written(enrollments.replace(firm.firmId(), id, request.entries(), IfMatch.parse(ifMatch)));
    }

    @POST
    @Operation(summary = "Enroll one professional (or update them, matched on lmsId). With If-Match, only while the "
            + "roster is at that ETag")
    public RestResponse<RosterView> add(@PathParam("id") UUID id, @Parameter(description = ETagged.IF_MATCH)
                                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                        @Valid @NotNull EnrolleeRequest request) {
        return written(enrollments.add(firm.firmId(), id, request.entry(), IfMatch.parse(ifMatch)));
    }

    @DELETE
    @Path("{lmsId}")
    @Operation(summary = "Remove one professional from the roster. With If-Match, only while the roster is at that "
            + "ETag")
    public RestResponse<RosterView> remove(@PathParam("id") UUID id, @PathParam("lmsId") String lmsId,
                                           @Parameter(description = ETagged.IF_MATCH)
                                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return written(enrollments.remove(firm.firmId(), id, lmsId, IfMatch.parse(ifMatch)));
    }

    private static RestResponse<RosterView> written(Roster roster) {
        return ETagged.written(RosterView.of(roster), roster.etag());
    }
}
