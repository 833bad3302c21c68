package io.teamscpe.credential.rest;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.credential.service.KeyRotation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator actions on the encryption keys; role {@code cpe-operator}, never routed by the gateway. */
@Path("/internal/keys")
@RolesAllowed("cpe-operator")
@Blocking
@Tag(name = "Internal", description = "Service-to-service and operators; not routed by the gateway")
public class KeyResource {
    private final KeyRotation rotation;

    public KeyResource(KeyRotation rotation) {
        this.rotation = rotation;
    }

    @POST
    @Path("rotate")
    @Operation(summary = "Re-wrap every data key under the current master key (after configuring a new one and "
            + "listing the old one in teamscpe.credentials.previous-master-keys)")
    public KeyRotation.Result rotate() {
        return rotation.rotate();
    }
}
