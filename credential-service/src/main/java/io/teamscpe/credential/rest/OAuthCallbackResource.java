package io.teamscpe.credential.rest;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.credential.service.ConsentFlow;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where Microsoft sends the organizer's browser after sign-in. Public (the browser has no bearer token): the
 * single-use {@code state} is what authenticates the request. Always answers 303 to the LMS outcome page.
 */
@Path(ConsentFlow.CALLBACK_PATH)
@PermitAll
@Blocking
@Tag(name = "Organizer sign-in", description = "OAuth redirect target of delegated providers")
public class OAuthCallbackResource {
    private final ConsentFlow consent;

    public OAuthCallbackResource(ConsentFlow consent) {
        this.consent = consent;
    }

    @GET
    @Operation(summary = "OAuth authorization-code callback; redirects to the LMS with outcome connected or error")
    @APIResponse(responseCode = "303", description = "To the LMS page that shows the outcome", headers = @Header(
            name = "Location", description = "The LMS outcome page with outcome=connected or error",
            schema = @Schema(type = SchemaType.STRING)))
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("error") String error) {
        return Response.seeOther(consent.complete(code, state, error))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }
}
