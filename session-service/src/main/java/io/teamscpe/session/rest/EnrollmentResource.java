package io.teamscpe.session.rest;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.platform.security.FirmContext;
import io.teamscpe.platform.web.ETagged;
import io.teamscpe.platform.web.IfMatch;
import io.teamscpe.session.Roster;
import io.teamscpe.platform.web.PageLinks;
import io.teamscpe.platform.web.PageParams;
import io.teamscpe.platform.web.PageRequest;
import io.teamscpe.session.api.EnrollmentApi.EnrolleeRequest;
import io.teamscpe.session.api.EnrollmentApi.RosterRequest;
import io.teamscpe.session.api.EnrollmentApi.RosterView;
import io.teamscpe.session.service.EnrollmentService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.BeanParam;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The roster is one versioned resource: its ETag names the roster revision, whichever of its writes made it. */
@Path("/api/sessions/{id}/enrollments")
@RolesAllowed("cpe-admin")
@Blocking
@Tag(name = "Enrollments", description = "The roster the LMS syncs; published so attendance and polls match people")
public class EnrollmentResource {
    /** The fields the roster list sorts by (EnrollmentStore knows each). */
    private static final List<String> SORTS = List.of("lmsId", "email", "displayName", "enrolledAt");
    private final EnrollmentService enrollments;
    private final FirmContext firm;

    public EnrollmentResource(EnrollmentService enrollments, FirmContext firm) {
        this.enrollments = enrollments;
        this.firm = firm;
    }

    @GET
    @Operation(summary = "The session's roster, a page at a time, with its ETag")
    @APIResponse(responseCode = "200", description = "One page of the roster (enrolled counts the whole roster)",
            headers = {@Header(name = PageLinks.TOTAL_COUNT, description = PageLinks.TOTAL_COUNT_DOC,
                    schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = PageLinks.LINK, description = PageLinks.LINK_DOC,
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RosterView.class)))
    public RestResponse<RosterView> list(@PathParam("id") UUID id,
            @BeanParam PageParams pages,
            @Parameter(description = PageRequest.SORT_DOC + "lmsId (the default), email, displayName, enrolledAt.")
            @QueryParam("sort") String sort,
            @Parameter(description = ETagged.IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context UriInfo uri) {
        PageRequest paging = pages.request(sort, SORTS);
        var found = enrollments.list(firm.firmId(), id, paging);
        return PageLinks.ok(RosterView.of(found), found.roster().etag(), ifNoneMatch, paging, found.enrolled(), uri);
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
