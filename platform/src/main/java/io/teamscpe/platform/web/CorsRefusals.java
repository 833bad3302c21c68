package io.teamscpe.platform.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A cross-origin request from an origin that is not one of the configured LMS origins ({@code teamscpe.cors.origins},
 * none by default) is refused with a 403 {@code origin-not-allowed} problem before Quarkus' CORS filter, which
 * would refuse it with an empty body. Allowed origins and same-origin requests go on to that filter, which answers
 * preflights and adds the CORS headers.
 */
@Singleton
public class CorsRefusals {
    private final Set<String> allowed;

    public CorsRefusals(@ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        this.allowed = Set.copyOf(origins.orElse(List.of()));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String origin = ctx.request().getHeader("Origin");
            // matched exactly, as Quarkus' filter matches them: an origin is scheme://host[:port], no trailing slash
            if (origin == null || allowed.contains(origin) || sameOrigin(ctx, origin)) {
                ctx.next();
            } else {
                HttpProblems.respond(ctx, 403, "origin-not-allowed", "Origin not allowed",
                        "This API does not answer browser pages from " + printable(origin) + ". An operator "
                                + "lists the LMS origins allowed to call it in TEAMSCPE_CORS_ORIGINS.");
            }
        });
    }

    private static boolean sameOrigin(RoutingContext ctx, String origin) {
        try {
            URI self = URI.create(ctx.request().absoluteURI());
            URI other = URI.create(origin.trim());
            return self.getScheme() != null && self.getScheme().equalsIgnoreCase(other.getScheme())
                    && self.getHost() != null && self.getHost().equalsIgnoreCase(other.getHost())
                    && port(self) == port(other);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The caller's Origin header, echoed only as far as it is a plain origin (no control characters, bounded). */
    private static String printable(String origin) {
        String cleaned = origin.replaceAll("[^A-Za-z0-9:/.\\-\\[\\]]", "?");
        return cleaned.length() > 200 ? cleaned.substring(0, 200) + "…" : cleaned;
    }
}
