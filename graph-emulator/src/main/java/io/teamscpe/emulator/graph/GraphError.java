package io.teamscpe.emulator.graph;

/** A Microsoft Graph error: HTTP status, Graph error code and message. Rendered by {@link GraphApi}. */
public final class GraphError extends RuntimeException {

    private final int status;
    private final String code;

    public GraphError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static GraphError badRequest(String message) {
        return new GraphError(400, "BadRequest", message);
    }

    public static GraphError invalidToken(String message) {
        return new GraphError(401, "InvalidAuthenticationToken", message);
    }

    public static GraphError userNotFound(String id) {
        return new GraphError(404, "Request_ResourceNotFound", "Resource '" + id
                + "' does not exist or one of its queried reference-property objects are not present.");
    }

    public static GraphError notFound(String message) {
        return new GraphError(404, "NotFound", message);
    }

    public static GraphError forbidden(String message) {
        return new GraphError(403, "Forbidden", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
