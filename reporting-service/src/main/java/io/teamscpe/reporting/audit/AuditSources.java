package io.teamscpe.reporting.audit;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.io.InputStream;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The services that own a session's raw audit material, called with reporting's own {@code cpe-service} token. */
public final class AuditSources {
    private AuditSources() {
    }

    /** attendance-ingest-service: attendance snapshots with raw Graph pages or uploaded files. */
    @RegisterRestClient(configKey = "attendance-audit")
    @OidcClientFilter
    @Path("/internal/audit/sessions/{id}")
    public interface Attendance {
        @GET
        @Produces("application/zip")
        InputStream part(@PathParam("id") String sessionId, @QueryParam("firmId") String firmId);
    }

    /** polling-service: uploaded Forms exports with hashes and the polls' history. */
    @RegisterRestClient(configKey = "polling-audit")
    @OidcClientFilter
    @Path("/internal/audit/sessions/{id}")
    public interface Polling {
        @GET
        @Produces("application/zip")
        InputStream part(@PathParam("id") String sessionId, @QueryParam("firmId") String firmId);
    }
}
