package io.teamscpe.session.rest;

import io.teamscpe.platform.web.Created;
import io.teamscpe.platform.web.ETagged;
import io.teamscpe.platform.web.IfMatch;
import io.teamscpe.session.RulesetAtVersion;
import io.teamscpe.platform.web.PageLinks;
import io.teamscpe.platform.web.PageParams;
import io.teamscpe.platform.web.PageRequest;
import io.smallrye.common.annotation.Blocking;
import io.teamscpe.platform.security.FirmContext;
import io.teamscpe.session.api.RulesetApi.RulesetList;
import io.teamscpe.session.api.RulesetApi.RulesetRequest;
import io.teamscpe.session.api.RulesetApi.RulesetView;
import io.teamscpe.session.service.RulesetService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Context;
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

@Path("/api/rulesets")
@RolesAllowed("cpe-admin")
@Blocking
@Tag(name = "Rulesets", description = "The firm's versioned credit rules; presets are created on first use")
public class RulesetResource {
    /** The fields the list sorts by (RulesetStore knows each). */
    private static final List<String> SORTS = List.of("name", "createdAt", "updatedAt");
    private final RulesetService rulesets;
    private final FirmContext firm;

    public RulesetResource(RulesetService rulesets, FirmContext firm) {
        this.rulesets = rulesets;
        this.firm = firm;
    }

    @GET
    @Operation(summary = "The firm's rulesets at their current versions, the default first, a page at a time")
    @APIResponse(responseCode = "200", description = "One page of the firm's rulesets",
            headers = {@Header(name = PageLinks.TOTAL_COUNT, description = PageLinks.TOTAL_COUNT_DOC,
                    schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = PageLinks.LINK, description = PageLinks.LINK_DOC,
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RulesetList.class)))
    public RestResponse<RulesetList> list(
            @BeanParam PageParams pages,
            @Parameter(description = PageRequest.SORT_DOC + "name, createdAt, updatedAt (by default the firm's "
                    + "default ruleset first, then by name).") @QueryParam("sort") String sort,
            @Context UriInfo uri) {
        PageRequest paging = pages.request(sort, SORTS);
        var found = rulesets.list(firm.firmId(), paging);
        return PageLinks.ok(new RulesetList(found.items().stream().map(RulesetView::of).toList()), paging,
                found.total(), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A ruleset at its current version, or at ?version=N (the one a session records); the ETag "
            + "is the ruleset's")
    public RestResponse<RulesetView> get(@PathParam("id") UUID id, @QueryParam("version") @Min(1) Integer version,
                                         @Parameter(description = ETagged.IF_NONE_MATCH)
                                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        RulesetAtVersion r = rulesets.get(firm.firmId(), id, version);
        return ETagged.read(RulesetView.of(r), r.ruleset().etag(), ifNoneMatch);
    }

    @POST
    @Operation(summary = "Create a ruleset (version 1)")
    @APIResponse(responseCode = "201", description = "The ruleset created", headers = @Header(name = "Location",
            description = "Where it lives: /api/rulesets/{id}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RulesetView.class)))
    public Response create(@Valid @NotNull RulesetRequest request) {
        RulesetAtVersion created = rulesets.create(firm.firmId(), request.draft(), firm.userId());
        return Created.at("/api/rulesets/" + created.ruleset().id, RulesetView.of(created), created.ruleset().etag());
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Edit a ruleset; a new version when sessions use the current one. With If-Match, only while "
            + "the ruleset is at that ETag (412 edit-conflict otherwise)")
    public RestResponse<RulesetView> update(@PathParam("id") UUID id,
                                            @Parameter(description = ETagged.IF_MATCH)
                                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                            @Valid @NotNull RulesetRequest request) {
        RulesetAtVersion r = rulesets.update(firm.firmId(), id, request.draft(), firm.userId(), IfMatch.parse(ifMatch));
        return ETagged.written(RulesetView.of(r), r.ruleset().etag());
    }
}
