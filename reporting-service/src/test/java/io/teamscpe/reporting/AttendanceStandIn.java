package io.teamscpe.reporting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for attendance-ingest-service's "send the snapshot again" in this module's tests (the end-to-end tests
 * use the real one): records who asked, with the service token the platform's healer sends.
 */
@Path("/internal/sessions/{id}/attendance/republish")
@RolesAllowed("cpe-service")
public class AttendanceStandIn {
    /** Requests received so far, as "sessionId firmId". */
    static final List<String> REQUESTS = new CopyOnWriteArrayList<>();

    @POST
    public Response republish(@PathParam("id") String sessionId, @QueryParam("firmId") String firmId) {
        REQUESTS.add(sessionId + " " + firmId);
        return Response.accepted().build();
    }
}
