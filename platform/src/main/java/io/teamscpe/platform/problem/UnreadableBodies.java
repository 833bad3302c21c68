package io.teamscpe.platform.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A request body that cannot be read to its end reaches the resources as a checked {@link IOException} (no resource
 * throws one itself): Quarkus' multipart parser raises it for a body with a boundary and no part ({@code --x--}),
 * an empty body or one cut short. Without this mapper it would be a 500 with Quarkus' own body, in every service
 * that takes uploads.
 */
public class UnreadableBodies {
    private static final Logger LOG = Logger.getLogger(UnreadableBodies.class);

    @ServerExceptionMapper
    public Response unreadable(IOException e, HttpHeaders headers, UriInfo uri) {
        LOG.debugf("unreadable request body on %s: %s", uri.getPath(), e.getMessage());
        MediaType type = headers.getMediaType();
        ProblemException problem = type != null && "multipart".equalsIgnoreCase(type.getType())
                ? ProblemException.badRequest("no-files", "No files", "The upload holds no files: its multipart body "
                + "ended before one complete part. Send each file as a multipart/form-data part with its file name "
                + "(the part names are in /q/openapi), and the whole body.")
                : ProblemException.badRequest("malformed-body", "The request body cannot be read",
                "The request body ended before it was complete. Send the whole body, with a Content-Length that "
                        + "matches it.");
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toProblem(uri.getPath()))
                .build();
    }
}
