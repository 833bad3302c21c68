package io.teamscpe.deploy.support;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The path matches of the rendered HTTPRoutes (Gateway API semantics) or Ingress (regular expressions anchored at
 * the start of the path, case-insensitive, as ingress-nginx with use-regex), and which Services they send a path to.
 */
public final class Routes {
    /** One path match and the Service it sends to. */
    public record Match(String source, String type, String value, String backend) {

        public boolean matches(String path) {
            return switch (type) {
                case "Exact" -> path.equals(value);
                case "PathPrefix", "Prefix" -> prefix(path);
                case "RegularExpression" -> Pattern.compile(value).matcher(path).matches();
                case "ImplementationSpecific" ->
                        Pattern.compile("^" + value, Pattern.CASE_INSENSITIVE).matcher(path).lookingAt();
                default -> throw new IllegalStateException(source + ": unknown path match type " + type);
            };
        }

        /** Gateway API / Ingress prefix: whole path elements ("/abc" matches "/abc" and "/abc/x", not "/abcd"). */
        private boolean prefix(String path) {
            String p = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            return p.isEmpty() || path.equals(p) || path.startsWith(p + "/");
        }
    }

    private final List<Match> matches;

    private Routes(List<Match> matches) {
        this.matches = List.copyOf(matches);
    }

    public static Routes of(Rendered r) {
        List<Match> out = new ArrayList<>();
        for (HTTPRoute route : r.objects(HTTPRoute.class)) {
            String source = "HTTPRoute/" + route.getMetadata().getName();
            route.getSpec().getRules().forEach(rule -> {
                List<String> backends = rule.getBackendRefs() == null ? List.of()
                        : rule.getBackendRefs().stream().map(b -> b.getName()).toList();
                if (backends.size() != 1) {
                    throw new IllegalStateException(source + ": a rule sends to " + backends + ", not one Service");
                }
                if (rule.getMatches() == null || rule.getMatches().isEmpty()) {
                    out.add(new Match(source, "PathPrefix", "/", backends.get(0)));
                    return;
                }
                rule.getMatches().forEach(m -> {
                    var path = m.getPath();
                    out.add(path == null ? new Match(source, "PathPrefix", "/", backends.get(0))
                            : new Match(source, path.getType(), path.getValue(), backends.get(0)));
                });
            });
        }
        for (Ingress ingress : r.objects(Ingress.class)) {
            String source = "Ingress/" + ingress.getMetadata().getName();
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(p -> out.add(
                    new Match(source, p.getPathType(), p.getPath(), p.getBackend().getService().getName()))));
            if (ingress.getSpec().getDefaultBackend() != null) {
                out.add(new Match(source, "PathPrefix", "/",
                        ingress.getSpec().getDefaultBackend().getService().getName()));
            }
        }
        return new Routes(out);
    }

    public List<Match> all() {
        return matches;
    }

    public List<Match> matching(String path) {
        return matches.stream().filter(m -> m.matches(path)).toList();
    }

    /** The Services a request for this path may reach (exactly one for a public path, none for the others). */
    public Set<String> backends(String path) {
        Set<String> out = new TreeSet<>();
        matching(path).forEach(m -> out.add(m.backend()));
        return out;
    }
}
