package io.teamscpe.polling.rest;

import io.teamscpe.platform.problem.Problem;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.web.CappedInputStream;
import io.teamscpe.polling.config.PollingConfig;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.Locale;

/**
 * {@code quarkus.http.limits.max-body-size} (200 MB) is sized for multipart uploads of many exports; every other
 * body is JSON of a few hundred bytes and is held to {@code teamscpe.polls.max-json-body-bytes} (64 KB). A
 * declared {@code Content-Length} over it is refused before a byte is read (Vert.x route, ahead of routing); a body
 * sent without one (chunked) is counted while Jackson reads it and refused at the first byte over. Both answer 413
 * problem+json and close the connection rather than drain the rest.
 */
@Provider
@Singleton
public class JsonBodyLimit implements ReaderInterceptor {
    /** After Quarkus's own Content-Length check against max-body-size (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT). */
    private static final int ROUTE_ORDER = -1;
    static final String SLUG = "body-too-large";

    // resolved on first use: providers are created at static init, before config mappings exist
    private final Instance<PollingConfig> config;
    private final CurrentVertxRequest current;

    public JsonBodyLimit(Instance<PollingConfig> config, CurrentVertxRequest current) {
        this.config = config;
        this.current = current;
    }

    private int limit() {
        return config.get().maxJsonBodyBytes();
    }

    void install(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::checkDeclaredLength);
    }

    void checkDeclaredLength(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || isMultipart(request.getHeader(HttpHeaders.CONTENT_TYPE)) || !over(length, limit())) {
            ctx.next();
            return;
        }
        JsonObject problem = JsonObject.mapFrom(tooLarge().toProblem(request.path()));
        closeAfterResponse(ctx).setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(problem.encode());
    }

    /** The rest of an oversized body is not read: the connection closes once the answer is sent. */
    private static HttpServerResponse closeAfterResponse(RoutingContext ctx) {
        HttpConnection connection = ctx.request().connection();
        return ctx.response().putHeader(HttpHeaders.CONNECTION, "close").endHandler(v -> connection.close());
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && "multipart".equalsIgnoreCase(type.getType())) {
            return context.proceed();
        }
        CappedInputStream counted = new CappedInputStream(context.getInputStream(), limit(), () -> { });
        context.setInputStream(counted);
        try {
            return context.proceed();
        } catch (RuntimeException | IOException e) {
            // Jackson wraps what the stream throws (JsonMappingException, then a 400 WebApplicationException)
            if (counted.exceeded()) {
                closeAfterResponse(current.getCurrent());
                throw tooLarge();
            }
            throw e;
        }
    }

    private static boolean over(String length, int limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }

    private static boolean isMultipart(String contentType) {
        return contentType != null && contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    ProblemException tooLarge() {
        int limit = limit();
        return new ProblemException(413, SLUG, "Request body too large", "A JSON body of this service holds at "
                + "most " + limit / 1024 + " KB (" + limit + " bytes); this one is larger. Send only the fields the "
                + "endpoint documents (/q/openapi); files go in multipart uploads.").with("limit", limit);
    }
}
