package io.teamscpe.credential.rest;

import io.teamscpe.platform.web.Created;
import io.teamscpe.platform.web.ETagged;
import io.teamscpe.platform.web.IfMatch;
import io.teamscpe.credential.api.ProviderApi.OrganizerPage;
import io.teamscpe.credential.api.ProviderApi.ProviderView;
import io.teamscpe.credential.api.ProviderApi.RegisterProvider;
import io.teamscpe.credential.api.ProviderApi.UpdateProvider;
import io.teamscpe.credential.api.ProviderApi.ValidateRequest;
import io.teamscpe.credential.api.ProviderApi.ValidationResult;
import io.teamscpe.credential.service.OrganizerSearch;
import io.teamscpe.credential.service.ProviderService;
import io.teamscpe.credential.service.ValidationService;
import io.teamscpe.platform.security.FirmContext;
import io.teamscpe.platform.web.PageLinks;
import io.teamscpe.platform.web.PageParams;
import io.teamscpe.platform.web.PageRequest;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
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

@Path("/api/providers")
@RolesAllowed("cpe-admin")
@Blocking
@Tag(name = "Providers", description = "Microsoft Teams credentials of the firm")
public class ProviderResource {
    /** The fields the list sorts by (ProviderStore knows each). */
    private static final List<String> SORTS = List.of("createdAt", "name", "status", "secretExpiresOn");
    private final ProviderService providers;
    private final ValidationService validation;
    private final OrganizerSearch directory;
    private final FirmContext firm;

    public ProviderResource(ProviderService providers, ValidationService validation, OrganizerSearch directory,
                            FirmContext firm) {
        this.providers = providers;
        this.validation = validation;
        this.directory = directory;
        this.firm = firm;
    }

    @POST
    @Operation(summary = "Register a Microsoft Teams credential of the firm (an application or a delegated one)")
    @APIResponse(responseCode = "201", description = "The provider created", headers = @Header(name = "Location",
            description = "Where it lives: /api/providers/{id}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProviderView.class)))
    public Response register(@Valid @NotNull RegisterProvider request) {
        var p = providers.register(firm.firmId(), request.command());
        return Created.at("/api/providers/" + p.id, ProviderView.of(p), p.etag());
    }

    @GET
    @Operation(summary = "The firm's providers, a page at a time")
    @APIResponse(responseCode = "200", description = "One page of the firm's providers",
            headers = {@Header(name = PageLinks.TOTAL_COUNT, description = PageLinks.TOTAL_COUNT_DOC,
                    schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = PageLinks.LINK, description = PageLinks.LINK_DOC,
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = "application/json",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ProviderView.class)))
    public RestResponse<List<ProviderView>> list(
            @BeanParam PageParams pages,
            @Parameter(description = PageRequest.SORT_DOC + "createdAt (the default), name, status, "
                    + "secretExpiresOn.") @QueryParam("sort") String sort,
            @Context UriInfo uri) {
        PageRequest paging = pages.request(sort, SORTS);
        var found = providers.list(firm.firmId(), paging);
        return PageLinks.ok(found.items().stream().map(ProviderView::of).toList(), paging, found.total(), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One provider, with its ETag")
    public RestResponse<ProviderView> get(@PathParam("id") UUID id, @Parameter(description = ETagged.IF_NONE_MATCH)
                                          @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        var p = providers.get(firm.firmId(), id);
        return ETagged.read(ProviderView.of(p), p.etag(), ifNoneMatch);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change the name, secret or secret expiry; the provider is validated again. With If-Match, "
            + "only while the provider is at that ETag (412 edit-conflict otherwise)")
    public RestResponse<ValidationResult> update(@PathParam("id") UUID id,
                                                 @Parameter(description = ETagged.IF_MATCH)
                                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                 @Valid @NotNull UpdateProvider request) {
        providers.update(firm.firmId(), id, request.command(), IfMatch.parse(ifMatch));
        var outcome = validation.validate(firm.firmId(), id, null);
        return ETagged.written(ValidationResult.of(outcome), outcome.provider().etag());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete the provider: its secret and the organizer's tokens are wiped. With If-Match, only "
            + "while the provider is at that ETag")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id,
                           @Parameter(description = ETagged.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        providers.delete(firm.firmId(), id, IfMatch.parse(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/validate")
    @Operation(summary = "Prove the credential works; a delegated provider needing sign-in gets authorizeUrl")
    public ValidationResult validate(@PathParam("id") UUID id, @Valid ValidateRequest request) {
        return ValidationResult.of(validation.validate(firm.firmId(), id,
                request == null ? null : request.organizerId()));
    }

    @GET
    @Path("{id}/organizers")
    @Operation(summary = "Users of an application provider's tenant, to pick a session's organizer from")
    public OrganizerPage organizers(@PathParam("id") UUID id, @QueryParam("search") @Size(max = 100) String search,
                                    @QueryParam("pageToken") @Size(max = 4000) String pageToken) {
        return OrganizerPage.of(directory.page(firm.firmId(), id, search, pageToken));
    }
}
