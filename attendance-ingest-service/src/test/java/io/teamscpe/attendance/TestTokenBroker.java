package io.teamscpe.attendance;

import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.platform.graph.BrokeredToken;
import io.teamscpe.platform.graph.TokenRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for credential-service's token broker in this module's tests (the end-to-end tests use the real one):
 * a real client-credentials token of the demo app from the emulated Entra, so Graph calls stay real.
 */
@Path("/internal/tokens")
@RolesAllowed("cpe-service")
public class TestTokenBroker {
    /** Tokens issued so far (renewal tests compare it before and after a fetch). */
    static final AtomicInteger ISSUED = new AtomicInteger();

    /** Sessions of this provider get the demo organizer's delegated token, read on {@code /me}. */
    static final String DELEGATED_PROVIDER = "provider-delegated";

    @POST
    public BrokeredToken issue(TokenRequest request) {
        ISSUED.incrementAndGet();
        if (DELEGATED_PROVIDER.equals(request.providerId())) {
            return new BrokeredToken(DelegatedSignIn.organizerToken(), Instant.now().plusSeconds(3000), "DELEGATED",
                    request.organizerId(), "me");
        }
        String token = Tokens.graphApplication(DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                DemoScenario.CLIENT_SECRET);
        return new BrokeredToken(token, Instant.now().plusSeconds(3000), "APPLICATION", request.organizerId(),
                "users/" + request.organizerId());
    }
}
