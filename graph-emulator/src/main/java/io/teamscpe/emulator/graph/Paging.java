package io.teamscpe.emulator.graph;

import io.teamscpe.emulator.http.QueryString;
import io.teamscpe.emulator.http.Request;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Server-driven paging like Graph's: a page holds at most the scenario's {@code graphPageSize} items ({@code $top}
 * may ask for fewer), and {@code @odata.nextLink} is an absolute URL on the emulator that repeats the request's own
 * query with an opaque {@code $skiptoken}. Clients must follow it verbatim.
 */
public final class Paging {

    private static final String TOKEN_PREFIX = "emu-offset:";

    private Paging() {
    }

    /** The page of {@code items} the request asks for, as {@code {@odata.context, [@odata.count,] value, [@odata.nextLink]}}. */
    public static <T> Map<String, Object> page(Request request, String baseUrl, String context, List<T> items,
                                               int maxPageSize, Function<T, Object> toJson) {
        int pageSize = Math.max(1, Math.min(maxPageSize, top(request)));
        int offset = request.odata("skiptoken").map(Paging::offset).orElse(0);
        int end = Math.min(items.size(), offset + pageSize);
        List<Object> value = new ArrayList<>();
        // a view, not a copy: page N of a 10,000-record report costs one page, not the whole list
        for (T item : items.subList(Math.min(offset, items.size()), end)) {
            value.add(toJson.apply(item));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", context);
        if (request.odata("count").filter("true"::equalsIgnoreCase).isPresent()) {
            body.put("@odata.count", items.size());
        }
        body.put("value", value);
        if (end < items.size()) {
            body.put("@odata.nextLink", nextLink(request, baseUrl, end));
        }
        return body;
    }

    private static int top(Request request) {
        String top = request.odata("top").orElse(null);
        if (top == null) {
            return Integer.MAX_VALUE;
        }
        try {
            int value = Integer.parseInt(top.trim());
            if (value < 1) {
                throw GraphError.badRequest("Invalid value '" + top + "' for $top: it must be a positive integer.");
            }
            return value;
        } catch (NumberFormatException e) {
            throw GraphError.badRequest("Invalid value '" + top + "' for $top: it must be a positive integer.");
        }
    }

    private static int offset(String skipToken) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(skipToken), StandardCharsets.UTF_8);
            if (decoded.startsWith(TOKEN_PREFIX)) {
                return Math.max(0, Integer.parseInt(decoded.substring(TOKEN_PREFIX.length())));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw GraphError.badRequest("Invalid $skiptoken: follow @odata.nextLink exactly as returned.");
    }

    private static String nextLink(Request request, String baseUrl, int offset) {
        StringBuilder query = new StringBuilder();
        if (request.rawQuery() != null) {
            for (String pair : request.rawQuery().split("&")) {
                String name = QueryString.decode(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
                if (!pair.isEmpty() && !name.equalsIgnoreCase("$skiptoken") && !name.equalsIgnoreCase("skiptoken")) {
                    query.append(pair).append('&');
                }
            }
        }
        String token = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
        query.append("$skiptoken=").append(token);
        return baseUrl + request.rawPath() + "?" + query;
    }
}
