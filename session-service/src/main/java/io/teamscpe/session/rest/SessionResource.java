package io.teamscpe.session.rest;

import io.teamscpe.platform.web.Created;
import io.teamscpe.platform.web.ETagged;
import io.teamscpe.platform.web.IfMatch;
import io.teamscpe.platform.web.PageLinks;
import io.teamscpe.platform.web.PageParams;
import io.teamscpe.platform.web.PageRequest;
import io.teamscpe.platform.web.QueryInstants;
import io.teamscpe.session.SessionFilter;
import io.smallrye.common.annotation.Blocking;
import io.teamscpe.platform.security.FirmContext;
import io.teamscpe.session.Session;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.teamscpe.session.api.SessionApi.CreateSession;
import io.teamscpe.session.api.SessionApi.SessionPage;
import io.teamscpe.session.api.SessionApi.SessionView;
import io.teamscpe.session.service.SessionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/sessions")
@RolesAllowed("cpe-admin")
@Blocking
@Tag(name = "Sessions", description = "CPE sessions and their Teams meetings")
public class SessionResource {
    /** The fields the list sorts by (SessionStore knows each). */
    private static final List<String> SORTS = List.of("scheduledStart", "scheduledEnd", "title", "status");
    /** RFC 7396's media type of a JSON merge patch. */
    static final String MERGE_PATCH = "application/merge-patch+json";
    private final SessionService sessions;
    private final SessionMergePatch patches;
    private final FirmContext firm;

    public SessionResource(SessionService sessions, SessionMergePatch patches, FirmContext firm) {
        this.sessions = sessions;
        this.patches = patches;
        this.firm = firm;
    }

    @POST
    @Operation(summary = "Create a session for a Teams meeting: its Join URL is resolved and the session published")
    @APIResponse(responseCode = "201", description = "The session created", headers = @Header(name = "Location",
            description = "Where it lives: /api/sessions/{id}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SessionView.class)))
    public Response create(@Valid @NotNull CreateSession request) {
        var created = sessions.create(firm.firmId(), request.draft());
        return Created.at("/api/sessions/" + created.session().id, view(created.session(), created.warnings()),
                created.session().etag());
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a session; re-resolves a changed Join URL and publishes the next revision. With "
            + "If-Match, only while the session is at that ETag (412 edit-conflict otherwise)")
    public RestResponse<SessionView> update(@PathParam("id") UUID id,
                                            @Parameter(description = ETagged.IF_MATCH)
                                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                            @Valid @NotNull CreateSession request) {
        var updated = sessions.update(firm.firmId(), id, request.draft(), IfMatch.parse(ifMatch));
        return ETagged.written(view(updated.session(), updated.warnings()), updated.session().etag());
    }

    @PATCH
    @Path("{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change some of a session's fields (JSON merge patch, RFC 7396): the fields left out stay as "
            + "they are; applied as a PUT of the whole session would be. With If-Match, only while the session is at "
            + "that ETag (412 edit-conflict otherwise)")
    @RequestBody(content = {@Content(mediaType = MERGE_PATCH, schema = @Schema(type = SchemaType.OBJECT,
            description = "Any of the fields of a session's PUT body; null removes an optional one; creditTypes, "
                    + "when given, replaces the list")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "The same merge patch sent as application/json"))})
    @APIResponse(responseCode = "200", description = "The session after the change",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SessionView.class)))
    public RestResponse<SessionView> patch(@PathParam("id") UUID id, @Parameter(description = ETagged.IF_MATCH)
                                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String patch)
            throws JsonProcessingException {
        var updated = patches.patch(firm.firmId(), id, patch, IfMatch.parse(ifMatch));
        return ETagged.written(view(updated.session(), updated.warnings()), updated.session().etag());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One session, with its ETag")
    public RestResponse<SessionView> get(@PathParam("id") UUID id, @Parameter(description = ETagged.IF_NONE_MATCH)
                                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Session s = sessions.get(firm.firmId(), id);
        return ETagged.read(view(s, sessions.warnings(s)), s.etag(), ifNoneMatch);
    }

    @GET
    @Operation(summary = "The firm's sessions, filtered by schedule, status, organizer and text, a page at a time")
    @APIResponse(responseCode = "200", description = "One page of the sessions the filters let through",
            headers = {@Header(name = PageLinks.TOTAL_COUNT, description = PageLinks.TOTAL_COUNT_DOC,
                    schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = PageLinks.LINK, description = PageLinks.LINK_DOC,
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SessionPage.class)))
    public RestResponse<SessionPage> list(
            @Parameter(description = "Sessions scheduled to start at or after this: " + QueryInstants.DOC)
            @QueryParam("from") String from,
            @Parameter(description = "Sessions scheduled to start before this (a date includes that whole day): "
                    + QueryInstants.DOC) @QueryParam("to") String to,
            @Parameter(description = "Only sessions with this status") @QueryParam("status") Session.Status status,
            @Parameter(description = "Only the sessions of this Meeting Organizer: the id the session carries "
                    + "(meeting.organizerId), case-insensitive") @QueryParam("organizer") @Size(max = 100)
            String organizer,
            @Parameter(description = "Only sessions whose title or description contains this text "
                    + "(case-insensitive)") @QueryParam("q") @Size(max = 200) String q,
            @BeanParam PageParams pages,
            @Parameter(description = PageRequest.SORT_DOC + "scheduledStart (the default), scheduledEnd, title, "
                    + "status.") @QueryParam("sort") String sort,
            @Context UriInfo uri) {
        PageRequest paging = pages.request(sort, SORTS);
        var filter = new SessionFilter(QueryInstants.from("from", from), QueryInstants.until("to", to), status,
                organizer, q);
        var found = sessions.list(firm.firmId(), filter, paging);
        return PageLinks.ok(SessionPage.of(found, sessions.rulesetNames(firm.firmId(), found.items())), paging,
                found.total(), uri);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Cancel a session (kept, and published as cancelled). With If-Match, only while the session "
            + "is at that ETag")
    public RestResponse<SessionView> cancel(@PathParam("id") UUID id, @QueryParam("reason") String reason,
                                            @Parameter(description = ETagged.IF_MATCH)
                                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Session s = sessions.cancel(firm.firmId(), id, reason, IfMatch.parse(ifMatch));
        return ETagged.written(view(s, List.of()), s.etag());
    }

    private SessionView view(Session s, List<String> warnings) {
        return SessionView.of(s, warnings, sessions.rulesetNames(firm.firmId(), List.of(s)));
    }
}
