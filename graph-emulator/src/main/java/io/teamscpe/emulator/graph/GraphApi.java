package io.teamscpe.emulator.graph;

import io.teamscpe.emulator.http.Handler;
import io.teamscpe.emulator.http.Request;
import io.teamscpe.emulator.http.Response;
import io.teamscpe.emulator.http.Router;
import io.teamscpe.emulator.state.EmulatorState;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The frame of every Graph v1.0 endpoint: authenticates the caller, runs the feature handler, and renders
 * {@link GraphError}s in Graph's shape with {@code innerError} and the request-id headers.
 */
public final class GraphApi {

    /** The base of {@code @odata.context} values, as real Graph writes them. */
    public static final String METADATA = "https://graph.microsoft.com/v1.0/$metadata#";
    /** The two ways to name the user a request is about: by id or UPN, or the signed-in user. */
    public static final List<String> USER_PREFIXES = List.of("/users/{user}", "/me");

    private final EmulatorState state;
    private final GraphAuthenticator authenticator;

    public GraphApi(EmulatorState state) {
        this.state = state;
        this.authenticator = new GraphAuthenticator(state);
    }

    /** A handler of an authenticated Graph request. */
    @FunctionalInterface
    public interface GraphHandler {
        Object handle(Request request, GraphCaller caller);
    }

    public EmulatorState state() {
        return state;
    }

    /** Registers an authenticated {@code GET /v1.0/...} endpoint whose result is written as JSON with 200. */
    public void get(Router router, String path, GraphHandler handler) {
        router.get("/v1.0" + path, secured(handler));
    }

    /** Unknown Graph paths get Graph's own answer to unknown segments. */
    public void registerFallback(Router router) {
        Handler fallback = request -> render(request, GraphError.badRequest(
                "Resource not found for the segment '" + lastSegment(request) + "'."));
        router.fallback("v1.0", fallback);
        router.fallback("beta", request -> render(request, GraphError.badRequest(
                "The emulator serves Graph v1.0 only, not " + request.rawPath() + ".")));
    }

    private Handler secured(GraphHandler handler) {
        return request -> {
            try {
                GraphCaller caller = authenticator.authenticate(request);
                return withIds(Response.ok(handler.handle(request, caller)), request);
            } catch (GraphError e) {
                return render(request, e);
            }
        };
    }

    /** The error in Graph's shape, with {@code innerError} and the request-id headers. */
    public Response render(Request request, GraphError error) {
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("date", DateTimeFormatter.ISO_INSTANT.format(Instant.now(state.clock()).truncatedTo(ChronoUnit.SECONDS)));
        inner.put("request-id", requestId);
        inner.put("client-request-id", request.header("client-request-id").orElse(requestId));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", error.code());
        body.put("message", error.getMessage());
        body.put("innerError", inner);
        Response response = Response.json(error.status(), Map.of("error", body));
        if (error.status() == 401) {
            response = response.withHeader("WWW-Authenticate", "Bearer realm=\"\", authorization_uri="
                    + "\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\""
                    + "00000003-0000-0000-c000-000000000000\"");
        }
        return withIds(response, request).withHeader("request-id", requestId);
    }

    private static Response withIds(Response response, Request request) {
        Response result = response.withHeader("OData-Version", "4.0");
        return request.header("client-request-id").map(id -> result.withHeader("client-request-id", id))
                .orElse(result);
    }

    private static String lastSegment(Request request) {
        return request.segments().isEmpty() ? "" : request.segments().get(request.segments().size() - 1);
    }
}
