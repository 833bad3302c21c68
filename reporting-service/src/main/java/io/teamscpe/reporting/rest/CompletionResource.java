package io.teamscpe.reporting.rest;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.platform.security.FirmContext;
import io.teamscpe.platform.web.ETagged;
import io.teamscpe.platform.web.IfMatch;
import io.teamscpe.reporting.report.ProcessingRun;
import io.teamscpe.platform.web.PageLinks;
import io.teamscpe.platform.web.PageParams;
import io.teamscpe.platform.web.PageRequest;
import io.teamscpe.reporting.api.CompletionApi.CompletionReport;
import io.teamscpe.reporting.api.CompletionApi.CompletionRow;
import io.teamscpe.reporting.api.CompletionApi.OverrideRequest;
import io.teamscpe.reporting.api.CompletionApi.ProcessingResult;
import io.teamscpe.reporting.report.CompletionReport.TaggedRow;
import io.teamscpe.reporting.service.CompletionService;
import io.teamscpe.reporting.service.ProcessingService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/sessions/{id}")
@RolesAllowed("cpe-admin")
@Blocking
@Tag(name = "Completion", description = "Suggested and final credit, overrides, processing CPE")
public class CompletionResource {
    /** The creditType query parameter of the report and its rows. */
    static final String CREDIT_TYPE = "A credit type code of the session (its report's creditTypes[].code): ";
    /** The creditType filter of the report (JSON, CSV and XLSX alike). */
    static final String CREDIT_TYPE_FILTER = CREDIT_TYPE + "only the rows of that credit type (X-Total-Count counts "
            + "them); without it every row";

    private final CompletionService completion;
    private final ProcessingService processing;
    private final FirmContext firm;

    public CompletionResource(CompletionService completion, ProcessingService processing, FirmContext firm) {
        this.completion = completion;
        this.processing = processing;
        this.firm = firm;
    }

    @GET
    @Path("completion")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The report: the whole summary and one page of its rows",
            headers = {@Header(name = PageLinks.TOTAL_COUNT, description = "How many rows the whole report has",
                    schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = PageLinks.LINK, description = PageLinks.LINK_DOC,
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CompletionReport.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @Operation(summary = "The Completion report: suggested and final credit per professional, its rows a page at a "
            + "time (JSON; CSV or XLSX by Accept, whole)")
    public Response get(@PathParam("id") String sessionId, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                        @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
                        @BeanParam PageParams pages,
                        @Parameter(description = PageRequest.SORT_DOC + "displayName, email, participantId, "
                                + "creditType, matchStatus, minutesPresent, finalCredit (by default enrolled "
                                + "professionals first, by name, each participant's rows in the session's order of "
                                + "credit types).") @QueryParam("sort") String sort,
                        @Parameter(description = CREDIT_TYPE_FILTER, example = "CFP")
                        @QueryParam("creditType") String creditType,
                        @Context UriInfo uri) {
        PageRequest paging = pages.request(sort, CompletionService.SORTS);
        boolean gzip = ConditionalGet.acceptsGzip(acceptEncoding);
        // the whole report in its own order is serialised and compressed once per change of its inputs
        CompletionService.EncodedPage report = completion.reportPage(firm.firmId(), sessionId, paging,
                blankToNull(creditType), gzip);
        EntityTag tag = new EntityTag("completion-" + report.version(), true);
        if (ETagged.noneMatchNames(ifNoneMatch, tag.getValue())) {
            return Response.notModified(tag).build();
        }
        return PageLinks.add(Response.ok(gzip ? report.gzip() : report.json(), MediaType.APPLICATION_JSON_TYPE),
                        paging, report.rows(), uri).tag(tag)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header(HttpHeaders.CONTENT_ENCODING, gzip ? "gzip" : null).build();
    }

    @GET
    @Path("completion/{participantId}")
    @Operation(summary = "One row of the Completion report (one credit type's), with the ETag of its override (for "
            + "If-Match on PUT)")
    public RestResponse<CompletionRow> row(@PathParam("id") String sessionId,
                                           @PathParam("participantId") String participantId,
                                           @Parameter(description = CREDIT_TYPE + "the row of that credit type; "
                                                   + "required when the session has several, optional with one",
                                                   example = "CFP")
                                           @QueryParam("creditType") String creditType,
                                           @Parameter(description = ETagged.IF_NONE_MATCH)
                                           @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        TaggedRow row = processing.row(firm.firmId(), sessionId, participantId, blankToNull(creditType));
        return ETagged.read(CompletionRow.of(row.row()), row.etag(), ifNoneMatch);
    }

    @PUT
    @Path("completion/{participantId}")
    @Operation(summary = "Override a participant's credit of one credit type with a reason (kept in the audit trail). "
            + "With If-Match (the row's ETag), only while nobody overrode the row since (412 edit-conflict otherwise)")
    public RestResponse<CompletionRow> override(@PathParam("id") String sessionId,
                                                @PathParam("participantId") String participantId,
                                                @Parameter(description = CREDIT_TYPE + "the credit type overridden; "
                                                        + "required when the session has several, optional with one",
                                                        example = "CFP")
                                                @QueryParam("creditType") String creditType,
                                                @Parameter(description = ETagged.IF_MATCH)
                                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                @Valid @NotNull OverrideRequest request) {
        TaggedRow row = processing.override(firm.firmId(), sessionId, participantId, blankToNull(creditType),
                request.credit(), request.reason(), firm.userId(), IfMatch.parse(ifMatch));
        return ETagged.written(CompletionRow.of(row.row()), row.etag());
    }

    @POST
    @Path("process")
    @Operation(summary = "Publish awarded credit (and corrections of earlier runs) on cpe.credits.v1")
    @APIResponse(responseCode = "200", description = "The processing run, committed; its credit events are on their "
            + "way to Kafka (delivery QUEUED) until the run's resource says DELIVERED", headers = @Header(
            name = "Content-Location", description = "The run: /api/sessions/{id}/processing-runs/{run}",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProcessingResult.class)))
    public Response process(@PathParam("id") String sessionId) {
        ProcessingRun run = processing.process(firm.firmId(), sessionId, firm.userId());
        // 200, not 201 + Location: the contract said 200 first (see the README's compatibility policy)
        return Response.ok(ProcessingResult.of(run, 0)).header("Content-Location",
                "/api/sessions/" + sessionId + "/processing-runs/" + run.run()).build();
    }

    /** An empty {@code ?creditType=} is no credit type named. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
