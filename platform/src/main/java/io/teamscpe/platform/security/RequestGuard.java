package io.teamscpe.platform.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.teamscpe.platform.problem.ProblemException;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Runs before a request is matched to a resource, so its answers come before any 404, 405 or 415:
 * <ul>
 *   <li>a control character (NUL, ...) in the path or query is refused with 400 — it could never name anything and
 *       PostgreSQL refuses NUL in text;</li>
 *   <li>every {@code /api} and {@code /internal} request authenticates first: a caller without a valid token hears
 *       401 whatever else is wrong with the request;</li>
 *   <li>{@code /internal} serves only the suite's own clients ({@link PlatformClients}): a firm user's token is
 *       refused there whatever roles it carries.</li>
 * </ul>
 */
@Singleton
public class RequestGuard {
    /** Looked up per request: filters are built at static init, before runtime configuration exists. */
    private final Provider<PlatformClients> clients;

    public RequestGuard(Provider<PlatformClients> clients) {
        this.clients = clients;
    }

    @ServerRequestFilter(preMatching = true, priority = 10)
    public Uni<Void> guard(ContainerRequestContext request, RoutingContext routing) {
        String path = request.getUriInfo().getPath();
        if (ControlCharacters.anyIn(path) || ControlCharacters.anyIn(request.getUriInfo().getRequestUri().getQuery())) {
            return Uni.createFrom().failure(ProblemException.badRequest("control-character",
                    "Control character in the URL",
                    "The path or query holds a control character (such as NUL); remove it and send again."));
        }
        boolean internal = path.startsWith("/internal/") || path.equals("/internal");
        if (!internal && !path.startsWith("/api/") && !path.equals("/api")) {
            return Uni.createFrom().voidItem();
        }
        return QuarkusHttpUser.getSecurityIdentity(routing, null).onItem().transform(identity -> {
            if (identity == null || identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            if (internal && !clients.get().isPlatformClient(identity)) {
                throw new ProblemException(403, "internal-only", "Not for firm users",
                        "This path serves only the suite's own services and operators.");
            }
            return null;
        });
    }
}
