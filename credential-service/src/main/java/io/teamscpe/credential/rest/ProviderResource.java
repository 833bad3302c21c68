package io.teamscpe.credential.rest;

import io.teamscpe.credential.rest.ProviderApi.ProviderView;
import io.teamscpe.credential.rest.ProviderApi.RegisterProvider;
import io.teamscpe.credential.rest.ProviderApi.UpdateProvider;
import io.teamscpe.credential.rest.ProviderApi.ValidateRequest;
import io.teamscpe.credential.rest.ProviderApi.ValidationResult;
import io.teamscpe.credential.service.ProviderService;
import io.teamscpe.credential.service.ValidationService;
import io.teamscpe.platform.security.FirmContext;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/providers")
@RolesAllowed("cpe-admin")
@Blocking
@Tag(name = "Providers", description = "Microsoft Teams credentials of the firm")
public class ProviderResource {
    private final ProviderService providers;
    private final ValidationService validation;
    private final FirmContext firm;

    public ProviderResource(ProviderService providers, ValidationService validation, FirmContext firm) {
        this.providers = providers;
        this.validation = validation;
        this.firm = firm;
    }

    @POST
    public Response register(@Valid @NotNull RegisterProvider request) {
        var p = providers.register(firm.firmId(), request);
        return Response.created(URI.create("/api/providers/" + p.id)).entity(ProviderView.of(p)).build();
    }

    @GET
    public List<ProviderView> list() {
        return providers.list(firm.firmId()).stream().map(ProviderView::of).toList();
    }

    @GET
    @Path("{id}")
    public ProviderView get(@PathParam("id") UUID id) {
        return ProviderView.of(providers.get(firm.firmId(), id));
    }

    @PUT
    @Path("{id}")
    public ValidationResult update(@PathParam("id") UUID id, @Valid @NotNull UpdateProvider request) {
        providers.update(firm.firmId(), id, request);
        var outcome = validation.validate(firm.firmId(), id, null);
        return ValidationResult.of(outcome.provider(), outcome.diagnosis());
    }

    @POST
    @Path("{id}/validate")
    public ValidationResult validate(@PathParam("id") UUID id, @Valid ValidateRequest request) {
        var outcome = validation.validate(firm.firmId(), id, request == null ? null : request.organizerId());
        return ValidationResult.of(outcome.provider(), outcome.diagnosis());
    }
}
