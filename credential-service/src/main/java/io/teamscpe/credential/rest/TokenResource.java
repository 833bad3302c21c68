package io.teamscpe.credential.rest;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.credential.service.TokenBroker;
import io.teamscpe.platform.graph.BrokeredToken;
import io.teamscpe.platform.graph.TokenRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/internal/tokens")
@RolesAllowed("cpe-service")
@Blocking
@Tag(name = "Internal", description = "Service-to-service; not routed by the gateway")
public class TokenResource {
    private final TokenBroker broker;
    private final JsonWebToken caller;

    public TokenResource(TokenBroker broker, JsonWebToken caller) {
        this.broker = broker;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "A short-lived Graph access token for (provider, organizer)")
    public BrokeredToken issue(@Valid @NotNull TokenRequest request) {
        return broker.issue(request, caller.getSubject());
    }
}
