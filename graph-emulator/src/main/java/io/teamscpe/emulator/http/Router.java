package io.teamscpe.emulator.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Matches requests to handlers by method and path pattern. Patterns are {@code /}-separated; {@code {name}}
 * binds one decoded segment, {@code name(a,b)} matches an OData function call such as {@code name(a='x',b='y')}
 * and binds its arguments to {@code a} and {@code b} (see {@link FunctionSegment}), other segments match literally
 * (case-insensitive, as Microsoft's services do).
 * When several routes match, the one with more literal segments wins, so {@code /teamscpe-idp/...} beats
 * {@code /{tenant}/...}.
 */
public final class Router {

    private final List<Route> routes = new ArrayList<>();
    private final Map<String, Handler> fallbacks = new HashMap<>();

    public Router get(String pattern, Handler handler) {
        return add("GET", pattern, handler);
    }

    public Router post(String pattern, Handler handler) {
        return add("POST", pattern, handler);
    }

    public Router put(String pattern, Handler handler) {
        return add("PUT", pattern, handler);
    }

    public Router delete(String pattern, Handler handler) {
        return add("DELETE", pattern, handler);
    }

    public Router add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, QueryString.segments(pattern), handler));
        return this;
    }

    /** Answers requests under {@code /firstSegment/...} that match no route (e.g. Graph's own 400 shape). */
    public Router fallback(String firstSegment, Handler handler) {
        fallbacks.put(firstSegment.toLowerCase(Locale.ROOT), handler);
        return this;
    }

    /** The best matching handler bound to the request's path variables, if any route matches the path. */
    public Optional<Match> match(Request request) {
        Match best = null;
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> vars = route.bind(request.segments());
            if (vars == null) {
                continue;
            }
            pathKnown = true;
            if (route.method.equalsIgnoreCase(request.method())
                    && (best == null || route.literals() > best.route.literals())) {
                best = new Match(route, request.withPathVars(vars), true);
            }
        }
        if (best == null && pathKnown) {
            return Optional.of(new Match(null, request, false));
        }
        if (best == null && !request.segments().isEmpty()) {
            Handler fallback = fallbacks.get(request.segments().get(0).toLowerCase(Locale.ROOT));
            if (fallback != null) {
                best = new Match(new Route(request.method(), List.of(), fallback), request, true);
            }
        }
        return Optional.ofNullable(best);
    }

    /** A matched route, or (methodAllowed false) a known path requested with the wrong method. */
    public static final class Match {
        private final Route route;
        private final Request request;
        private final boolean methodAllowed;

        private Match(Route route, Request request, boolean methodAllowed) {
            this.route = route;
            this.request = request;
            this.methodAllowed = methodAllowed;
        }

        public boolean methodAllowed() {
            return methodAllowed;
        }

        public Response invoke() {
            return route.handler.handle(request);
        }
    }

    private record Route(String method, List<String> pattern, Handler handler) {

        int literals() {
            return (int) pattern.stream().filter(s -> !isVariable(s)).count();
        }

        Map<String, String> bind(List<String> segments) {
            if (segments.size() != pattern.size()) {
                return null;
            }
            Map<String, String> vars = new HashMap<>();
            for (int i = 0; i < pattern.size(); i++) {
                String expected = pattern.get(i);
                if (isVariable(expected)) {
                    vars.put(expected.substring(1, expected.length() - 1), segments.get(i));
                } else if (FunctionSegment.isPattern(expected)) {
                    Map<String, String> args = FunctionSegment.pattern(expected).bind(segments.get(i));
                    if (args == null) {
                        return null;
                    }
                    vars.putAll(args);
                } else if (!expected.equalsIgnoreCase(segments.get(i))) {
                    return null;
                }
            }
            return vars;
        }

        private static boolean isVariable(String segment) {
            return segment.startsWith("{") && segment.endsWith("}");
        }
    }
}
