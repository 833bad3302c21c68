package io.teamscpe.emulator.http;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the handlers see it: the percent-decoded path segments, the decoded query parameters,
 * the headers and the body, plus the variables bound by the matched route.
 *
 * @param rawPath the path exactly as sent (still percent-encoded)
 * @param rawQuery the query exactly as sent, or null
 */
public record Request(String method, String rawPath, String rawQuery, List<String> segments,
                      Map<String, String> query, Headers headers, byte[] body, Map<String, String> pathVars) {

    /** The value bound to {@code {name}} in the route pattern. */
    public String pathVar(String name) {
        return pathVars.get(name);
    }

    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** A query option such as {@code $filter}, accepted with or without the dollar sign, in any case. */
    public Optional<String> odata(String option) {
        for (Map.Entry<String, String> e : query.entrySet()) {
            String key = e.getKey().startsWith("$") ? e.getKey().substring(1) : e.getKey();
            if (key.equalsIgnoreCase(option)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.getFirst(name));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body parsed as {@code application/x-www-form-urlencoded}. */
    public Map<String, String> form() {
        return QueryString.parse(bodyText());
    }

    /** The credentials of an {@code Authorization: Basic} header, as {@code [user, password]}. */
    public Optional<String[]> basicCredentials() {
        return header("Authorization")
                .filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6))
                .map(h -> decodeBasic(h.substring(6).trim()));
    }

    /** The token of an {@code Authorization: Bearer} header. */
    public Optional<String> bearerToken() {
        return header("Authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .filter(t -> !t.isEmpty());
    }

    Request withPathVars(Map<String, String> vars) {
        return new Request(method, rawPath, rawQuery, segments, query, headers, body, Map.copyOf(vars));
    }

    private static String[] decodeBasic(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon < 0) {
                return new String[] {QueryString.decode(pair), ""};
            }
            // RFC 6749 2.3.1: client id and secret are form-encoded before Basic encoding
            return new String[] {QueryString.decode(pair.substring(0, colon)), QueryString.decode(pair.substring(colon + 1))};
        } catch (IllegalArgumentException e) {
            return new String[] {"", ""};
        }
    }
}
