package io.teamscpe.session.rest;

import io.teamscpe.platform.web.Created;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/rulesets")
@RolesAllowed("cpe-admin")
@Blocking
@Tag(name = "Rulesets", description = "The firm's versioned credit rules; presets are created on first use")
public class RulesetResource {
    private final RulesetService rulesets;
    private final FirmContext firm;

    public RulesetResource(RulesetService rulesets, FirmContext firm) {
        this.rulesets = rulesets;
        this.firm = firm;
    }

    @GET
    @Operation(summary = "The firm's rulesets at their current versions, the default first")
    public RulesetList list() {
        return new RulesetList(rulesets.list(firm.firmId()).stream().map(RulesetView::of).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A ruleset at its current version, or at ?version=N (the one a session records)")
    public RulesetView get(@PathParam("id") UUID id, @QueryParam("version") @Min(1) Integer version) {
        return RulesetView.of(rulesets.get(firm.firmId(), id, version));
    }

    @POST
    @Operation(summary = "Create a ruleset (version 1)")
    @APIResponse(responseCode = "201", description = "The ruleset created", headers = @Header(name = "Location",
            description = "Where it lives: /api/rulesets/{id}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RulesetView.class)))
    public Response create(@Valid @NotNull RulesetRequest request) {
        RulesetView created = RulesetView.of(rulesets.create(firm.firmId(), request.draft(), firm.userId()));
        return Created.at("/api/rulesets/" + created.id(), created);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Edit a ruleset; a new version when sessions use the current one")
    public RulesetView update(@PathParam("id") UUID id, @Valid @NotNull RulesetRequest request) {
        return RulesetView.of(rulesets.update(firm.firmId(), id, request.draft(), firm.userId()));
    }
}
