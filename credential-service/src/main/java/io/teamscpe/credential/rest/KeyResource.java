package io.teamscpe.credential.rest;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.credential.service.KeyRotation;
import io.teamscpe.platform.security.OperatorAudit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operator actions on the encryption keys: only the operator client's token (role {@code cpe-operator}, never a firm
 * user's: platform's PlatformClients), never routed by the gateway, each call kept in {@code operator_action}.
 */
@Path("/internal/keys")
@RolesAllowed("cpe-operator")
@Blocking
@Tag(name = "Internal", description = "Service-to-service and operators; not routed by the gateway")
public class KeyResource {
    private final KeyRotation rotation;
    private final OperatorAudit audit;

    public KeyResource(KeyRotation rotation, OperatorAudit audit) {
        this.rotation = rotation;
        this.audit = audit;
    }

    @POST
    @Path("rotate")
    @Operation(summary = "Re-wrap every data key under the current master key (after configuring a new one and "
            + "listing the old one in teamscpe.credentials.previous-master-keys)")
    public KeyRotation.Result rotate() {
        try {
            KeyRotation.Result result = rotation.rotate();
            audit.record("keys.rotate", "current key " + result.currentKeyId() + ", " + result.secrets()
                    + " secret(s), " + result.tokenCaches() + " token cache(s), " + result.signInStates()
                    + " sign-in state(s) re-wrapped, " + result.remaining() + " remaining");
            return result;
        } catch (RuntimeException e) {
            audit.record("keys.rotate", "failed: " + e.getMessage());
            throw e;
        }
    }
}
