package io.teamscpe.platform.readmodel;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** attendance-ingest-service's internal "send the snapshot again", called with the suite's own service token. */
@RegisterRestClient(configKey = "attendance-republish")
@OidcClientFilter
@Path("/internal/sessions/{id}/attendance/republish")
public interface AttendanceRepublishClient {
    @POST
    Response republish(@PathParam("id") String sessionId, @QueryParam("firmId") String firmId);
}
