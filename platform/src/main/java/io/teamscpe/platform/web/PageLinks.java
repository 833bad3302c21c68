package io.teamscpe.platform.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The answer of a list: its body (unchanged: a list's shape is what its clients read) with the totals and the way
 * on in headers, {@code X-Total-Count} (items in the whole list) and an RFC 8288 {@code Link} header naming the
 * {@code first}, {@code prev}, {@code next} and {@code last} pages. The links are relative (path and query, never
 * built from the {@code Host} header) and keep the request's other parameters (filters, sort), re-encoded.
 */
public final class PageLinks {
    public static final String TOTAL_COUNT = "X-Total-Count";
    public static final String LINK = "Link";
    public static final String TOTAL_COUNT_DOC = "How many items the whole list holds (all pages, with the filters "
            + "given)";
    public static final String LINK_DOC = "RFC 8288 links to the first, prev, next and last pages (relative; "
            + "prev and next only where there is one): follow next until there is none to read the whole list";
    private static final Set<String> PAGING = Set.of("page", "size");

    private PageLinks() {
    }

    /** 200 with {@code body}, one page of a list of {@code total} items, and its headers. */
    public static <T> RestResponse<T> ok(T body, PageRequest page, long total, UriInfo uri) {
        return RestResponse.ResponseBuilder.ok(body).header(TOTAL_COUNT, total)
                .header(LINK, linksOf(uri, page, total)).build();
    }

    /**
     * 200 with one page of a versioned list and its ETag (the whole list's version: every page of one version shares
     * it), or 304 when {@code ifNoneMatch} names that version.
     */
    public static <T> RestResponse<T> ok(T body, ETag tag, String ifNoneMatch, PageRequest page, long total,
                                         UriInfo uri) {
        if (ETagged.noneMatchNames(ifNoneMatch, tag.value())) {
            return RestResponse.ResponseBuilder.<T>notModified(tag.entityTag()).build();
        }
        return RestResponse.ResponseBuilder.ok(body).tag(tag.entityTag()).header(TOTAL_COUNT, total)
                .header(LINK, linksOf(uri, page, total)).build();
    }

    /** Adds the headers of one page of a list of {@code total} items to a response being built. */
    public static Response.ResponseBuilder add(Response.ResponseBuilder response, PageRequest page, long total,
                                               UriInfo uri) {
        return response.header(TOTAL_COUNT, total)
                .header(LINK, linksOf(uri, page, total));
    }

    /** The Link header's value; none for a list that came whole (no page or size asked): there is no other page. */
    private static String linksOf(UriInfo uri, PageRequest page, long total) {
        return page.whole() ? null : links(uri.getPath(), query(uri), page, total);
    }

    /** The request's query parameters as JAX-RS decoded them, in the order the request named them. */
    private static Map<String, List<String>> query(UriInfo uri) {
        Map<String, List<String>> decoded = uri.getQueryParameters();
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        String raw = uri.getRequestUri().getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                continue; // the decoded map's order below still carries it
            }
            if (decoded.containsKey(name)) {
                ordered.putIfAbsent(name, decoded.get(name));
            }
        }
        decoded.forEach(ordered::putIfAbsent);
        return ordered;
    }

    /** The Link header's value for {@code page} of {@code total} items at {@code path} with these query parameters. */
    static String links(String path, Map<String, List<String>> query, PageRequest page, long total) {
        StringBuilder kept = new StringBuilder();
        for (Map.Entry<String, List<String>> p : query.entrySet()) {
            if (PAGING.contains(p.getKey())) {
                continue;
            }
            for (String value : p.getValue()) {
                kept.append(encode(p.getKey())).append('=').append(encode(value)).append('&');
            }
        }
        String base = encodePath(path) + "?" + kept;
        long last = total == 0 ? 0 : (total - 1) / page.size();
        List<String> links = new ArrayList<>();
        links.add(link(base, 0, page.size(), "first"));
        if (page.page() > 0) {
            links.add(link(base, Math.min(page.page() - 1, last), page.size(), "prev"));
        }
        if (page.page() < last) {
            links.add(link(base, page.page() + 1, page.size(), "next"));
        }
        links.add(link(base, last, page.size(), "last"));
        return String.join(", ", links);
    }

    private static String link(String base, long page, int size, String rel) {
        return "<" + base + "page=" + page + "&size=" + size + ">; rel=\"" + rel + "\"";
    }

    private static String encodePath(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            segments.add(encode(segment));
        }
        return String.join("/", segments);
    }

    /** Percent-encodes all but RFC 3986's unreserved characters: nothing in a link can end it or split the header. */
    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
