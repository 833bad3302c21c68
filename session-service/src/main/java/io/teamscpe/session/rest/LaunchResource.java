package io.teamscpe.session.rest;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.platform.security.FirmContext;
import io.teamscpe.session.api.LaunchApi.LaunchView;
import io.teamscpe.session.service.LaunchService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sessions/{id}/launch")
@RolesAllowed({"professional", "cpe-admin"})
@Blocking
@Tag(name = "Launch", description = "The Join URL for enrolled professionals on the day of the event")
public class LaunchResource {
    private final LaunchService launches;
    private final FirmContext firm;
    private final JsonWebToken token;

    public LaunchResource(LaunchService launches, FirmContext firm, JsonWebToken token) {
        this.launches = launches;
        this.firm = firm;
        this.token = token;
    }

    @GET
    @Operation(summary = "The Join URL: for enrolled professionals from one hour before the start (on the day of "
            + "the event, in the session's time zone) until the end; for administrators always")
    public LaunchView launch(@PathParam("id") UUID id, @Context SecurityContext security) {
        String email = token.getClaim("email");
        if (email == null) {
            email = token.getClaim("preferred_username");
        }
        return LaunchView.of(launches.launch(firm.firmId(), id, email, security.isUserInRole("cpe-admin")));
    }
}
