package io.teamscpe.platform.graph;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** credential-service's internal token broker, called with this service's own {@code cpe-service} token. */
@RegisterRestClient(configKey = "token-broker")
@OidcClientFilter
@Path("/internal/tokens")
public interface TokenBrokerClient {
    @POST
    BrokeredToken issue(TokenRequest request);
}
