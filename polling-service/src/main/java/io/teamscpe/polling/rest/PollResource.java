package io.teamscpe.polling.rest;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.web.ETagged;
import io.teamscpe.platform.web.IfMatch;
import io.teamscpe.polling.CurrentPoll;
import io.teamscpe.polling.PollWithHistory;
import io.teamscpe.platform.security.FirmContext;
import io.teamscpe.platform.web.PageLinks;
import io.teamscpe.platform.web.PageParams;
import io.teamscpe.platform.web.PageRequest;
import io.teamscpe.polling.api.PollApi;
import io.teamscpe.polling.api.PollApi.InclusionChange;
import io.teamscpe.polling.api.PollApi.MapRespondent;
import io.teamscpe.polling.service.MapRespondentCommand;
import io.teamscpe.polling.service.PollMaintenance;
import io.teamscpe.polling.service.PollQueries;
import io.teamscpe.polling.service.PollUploadService;
import io.teamscpe.polling.service.PollUploadService.Upload;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.QueryParam;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/sessions/{id}/polls")
@RolesAllowed("cpe-admin")
@Blocking
@Tag(name = "Polls", description = "Microsoft Forms poll exports of a session")
public class PollResource {
    /** The fields the poll list sorts by (Poll knows each). */
    private static final List<String> SORTS = List.of("question", "responseCount");
    private final PollUploadService uploads;
    private final PollQueries queries;
    private final PollMaintenance maintenance;
    private final FirmContext firm;

    public PollResource(PollUploadService uploads, PollQueries queries, PollMaintenance maintenance,
                        FirmContext firm) {
        this.uploads = uploads;
        this.queries = queries;
        this.maintenance = maintenance;
        this.firm = firm;
    }

    /** Many XLSX exports at once (parts named {@code files}); optional {@code timeZone} overrides the session's. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload Microsoft Forms poll exports (several .xlsx at once); all or none are stored")
    @APIResponse(responseCode = "201", description = "At least one new poll", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = PollApi.UploadResult.class)))
    @APIResponse(responseCode = "200", description = "Every file was uploaded before: no new poll", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = PollApi.UploadResult.class)))
    public Response upload(@PathParam("id") String sessionId, @RestForm("files") List<FileUpload> files,
                           @RestForm("timeZone") String timeZone) {
        List<Upload> list = files == null ? List.of()
                : files.stream().map(f -> new Upload(name(f), f.uploadedFile(), f.size())).toList();
        var result = PollApi.UploadResult.of(uploads.upload(firm.firmId(), firm.userId(), sessionId, list, timeZone));
        return Response.status(result.polls().isEmpty() ? 200 : 201).entity(result).build();
    }

    @GET
    @Operation(summary = "The session's polls, a page at a time")
    @APIResponse(responseCode = "200", description = "One page of the session's polls",
            headers = {@Header(name = PageLinks.TOTAL_COUNT, description = PageLinks.TOTAL_COUNT_DOC,
                    schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = PageLinks.LINK, description = PageLinks.LINK_DOC,
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PollApi.PollList.class)))
    public RestResponse<PollApi.PollList> list(@PathParam("id") String sessionId,
            @BeanParam PageParams pages,
            @Parameter(description = PageRequest.SORT_DOC + "question, responseCount (by default in upload "
                    + "order).") @QueryParam("sort") String sort,
            @Context UriInfo uri) {
        PageRequest paging = pages.request(sort, SORTS);
        var found = queries.list(firm.firmId(), sessionId, paging);
        return PageLinks.ok(PollApi.PollList.of(sessionId, found.items()), paging, found.total(), uri);
    }

    @GET
    @Path("{pollId}")
    @Operation(summary = "One poll with its responses and how they were matched, with its ETag")
    public RestResponse<PollApi.PollDetail> get(@PathParam("id") String sessionId, @PathParam("pollId") UUID pollId,
                                                @Parameter(description = ETagged.IF_NONE_MATCH)
                                                @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        PollWithHistory poll = queries.get(firm.firmId(), sessionId, pollId);
        return ETagged.read(PollApi.PollDetail.of(poll), poll.current().poll().etag(), ifNoneMatch);
    }

    /** Replaces the poll's file (part {@code file}); the poll keeps its id, the old file stays in the audit trail. */
    @PUT
    @Path("{pollId}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Replace a poll's file; the poll keeps its id and the old file stays in the audit trail. With "
            + "If-Match, only while the poll is at that ETag (412 edit-conflict otherwise)")
    public RestResponse<PollApi.PollView> replace(@PathParam("id") String sessionId, @PathParam("pollId") UUID pollId,
                                                  @Parameter(description = ETagged.IF_MATCH)
                                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                  @RestForm("file") FileUpload file,
                                                  @RestForm("timeZone") String timeZone) {
        IfMatch precondition = IfMatch.parse(ifMatch);
        if (file == null) {
            throw ProblemException.badRequest("no-files", "No file",
                    "Send the replacement export as a multipart/form-data part named 'file'.");
        }
        return written(uploads.replace(firm.firmId(), firm.userId(), sessionId, pollId,
                new Upload(name(file), file.uploadedFile(), file.size()), timeZone, precondition));
    }

    /** Excludes the poll from credit (it stays listed; a reason is required) or includes it again. */
    @PATCH
    @Path("{pollId}")
    @Operation(summary = "Exclude a poll from credit (with a reason) or include it again. With If-Match, only while "
            + "the poll is at that ETag")
    public RestResponse<PollApi.PollView> include(@PathParam("id") String sessionId, @PathParam("pollId") UUID pollId,
                                                  @Parameter(description = ETagged.IF_MATCH)
                                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                  @Valid @NotNull InclusionChange change) {
        return written(maintenance.setIncluded(firm.firmId(), firm.userId(), sessionId, pollId,
                change.included(), change.reason(), IfMatch.parse(ifMatch)));
    }

    private static RestResponse<PollApi.PollView> written(CurrentPoll poll) {
        return ETagged.written(PollApi.PollView.of(poll), poll.poll().etag());
    }

    @GET
    @Path("respondents")
    @Operation(summary = "The session's poll respondents and whom each is matched to")
    public PollApi.RespondentList respondents(@PathParam("id") String sessionId) {
        return PollApi.RespondentList.of(queries.respondents(firm.firmId(), sessionId));
    }

    @POST
    @Path("respondents/mappings")
    @Operation(summary = "Match a poll respondent to an enrolled professional")
    public PollApi.MappingResult map(@PathParam("id") String sessionId, @Valid @NotNull MapRespondent request) {
        int changed = maintenance.map(firm.firmId(), firm.userId(), sessionId,
                new MapRespondentCommand(request.respondentKey(), request.email(), request.name(),
                        request.professionalId(), request.professionalEmail(), request.participantKey()));
        return new PollApi.MappingResult(changed);
    }

    private static String name(FileUpload f) {
        String n = f.fileName();
        return n == null || n.isBlank() ? "(unnamed file)" : n;
    }
}
