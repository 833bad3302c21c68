package io.teamscpe.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Adapts the JDK HTTP server to the {@link Router}: reads the request, dispatches, writes the response. */
public final class HttpFront implements HttpHandler {

    private static final Logger LOG = System.getLogger(HttpFront.class.getName());

    private final Router router;
    private final Interceptor interceptor;

    public HttpFront(Router router) {
        this(router, Interceptor.NONE);
    }

    public HttpFront(Router router, Interceptor interceptor) {
        this.router = router;
        this.interceptor = interceptor;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response = dispatch(exchange);
            write(exchange, response);
        }
    }

    private Response dispatch(HttpExchange exchange) {
        try {
            Request request = read(exchange);
            LOG.log(Level.DEBUG, () -> request.method() + " " + request.rawPath());
            return interceptor.intercept(request, this::route);
        } catch (RuntimeException | IOException e) {
            LOG.log(Level.WARNING, "request failed: " + exchange.getRequestURI(), e);
            return error(500, "emulator_error", "The emulator failed: " + e);
        }
    }

    private Response route(Request request) {
        return router.match(request)
                .map(m -> m.methodAllowed() ? m.invoke() : error(405, "method_not_allowed",
                        request.method() + " is not supported on " + request.rawPath()))
                .orElseGet(() -> error(404, "not_found", "The emulator serves nothing at " + request.rawPath()));
    }

    private static Request read(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath() == null ? "/" : uri.getRawPath();
        byte[] body;
        try (InputStream in = bodyStream(exchange)) {
            body = in.readAllBytes();
        }
        return new Request(exchange.getRequestMethod(), rawPath, uri.getRawQuery(), QueryString.segments(rawPath),
                QueryString.parse(uri.getRawQuery()), exchange.getRequestHeaders(), body, Map.of());
    }

    /** Clients such as the Graph SDK may gzip request bodies. */
    private static InputStream bodyStream(HttpExchange exchange) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        InputStream in = exchange.getRequestBody();
        return encoding != null && encoding.equalsIgnoreCase("gzip") ? new GZIPInputStream(in) : in;
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        if (response.dropsConnection()) {
            return; // closing an exchange that sent no headers closes the connection: the client gets no response
        }
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        response.headers().forEach(exchange.getResponseHeaders()::set);
        boolean noBody = response.body().length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    private static Response error(int status, String code, String message) {
        return Response.json(status, Map.of("error", code, "error_description", message));
    }
}
