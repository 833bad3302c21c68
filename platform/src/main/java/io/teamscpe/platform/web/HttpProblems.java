package io.teamscpe.platform.web;

import io.teamscpe.platform.problem.Problem;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Problems raised by the HTTP layer itself, before any resource runs (a body over the size limit, a URL too long),
 * answer problem+json like everything else instead of an empty body.
 */
@Singleton
public class HttpProblems {
    /** Longer URLs are refused here with a problem; Vert.x itself only refuses beyond its initial-line limit. */
    public static final int MAX_URI_LENGTH = 8192;

    private final long maxBodySize;

    public HttpProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.maxBodySize = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (ctx.request().uri().length() > MAX_URI_LENGTH) {
                respond(ctx, 414, "uri-too-long", "URL too long",
                        "The URL is longer than " + MAX_URI_LENGTH + " characters; send long values in a body.");
            } else if (announcedLength(ctx) > maxBodySize) {
                // answered from the headers, as Quarkus would (but with a body); the unread body ends the connection
                ctx.response().putHeader("Connection", "close");
                respond(ctx, 413, "body-too-large", "Request body too large",
                        "The request body is larger than this service accepts (" + maxBodySize
                                + " bytes); send a smaller one.");
            } else {
                ctx.next();
            }
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                respond(ctx, 413, "body-too-large", "Request body too large",
                        "The request body is larger than this endpoint accepts; send a smaller one.");
            } else {
                ctx.next();
            }
        });
    }

    private static long announcedLength(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static void respond(RoutingContext ctx, int status, String slug, String title, String detail) {
        JsonObject problem = new JsonObject().put("type", Problem.TYPE_BASE + slug).put("title", title)
                .put("status", status).put("detail", detail);
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("X-Content-Type-Options", "nosniff").end(problem.encode());
    }
}
