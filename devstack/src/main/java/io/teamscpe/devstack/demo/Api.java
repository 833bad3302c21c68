package io.teamscpe.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tiny JSON client for the public API, as the LMS would call it (bearer token, JSON bodies). */
public final class Api {
    /** A response: status and JSON body (problem+json on errors), what was asked ("GET <url>"), its headers. */
    public record Reply(int status, JsonNode body, String request, HttpHeaders headers) {
        /** The header's first value, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public Reply expect(int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            throw new IllegalStateException(request + ": expected HTTP " + java.util.Arrays.toString(statuses)
                    + " but got " + status + ": " + body.path("detail").asText(body.toString()));
        }

        /** The status and the start of the body: what a timeout message needs, not a whole report. */
        @Override
        public String toString() {
            String text = body.toString();
            return request + ": HTTP " + status + " " + (text.length() > 600 ? text.substring(0, 600) + "…" : text);
        }
    }

    /** A file of a multipart upload. */
    public record Upload(String fileName, String contentType, byte[] content) {
    }

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"([^\"]+)\"");
    private final ObjectMapper json;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public Api(ObjectMapper json, String token) {
        this.json = json;
        this.token = token;
    }

    public Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /**
     * GET a whole list, page after page: follows the Link header's {@code next} (RFC 8288) until there is none. The
     * result is the first page's reply with {@code items} (a member of the body, or null when the body is the
     * array) holding the items of every page. A list whose ETag changes between pages (the Completion report
     * recomputed meanwhile) is read again from the start.
     */
    public Reply getAll(String url, String items) {
        for (int attempt = 1; ; attempt++) {
            List<Reply> pages = pages(url);
            Reply first = pages.get(0);
            if (first.status() != 200) {
                return first;
            }
            boolean changed = pages.stream().anyMatch(p -> !Objects.equals(first.header("ETag"), p.header("ETag")));
            if (changed && attempt < 10) {
                continue;
            }
            ArrayNode all = json.createArrayNode();
            pages.forEach(p -> all.addAll(itemsOf(p.body(), items)));
            JsonNode body = items == null ? all : ((ObjectNode) first.body().deepCopy()).set(items, all);
            return new Reply(first.status(), body, first.request(), first.headers());
        }
    }

    /** Every page of a list from {@code url} on, following the Link header's {@code next}; a failed GET ends it. */
    public List<Reply> pages(String url) {
        List<Reply> pages = new ArrayList<>();
        Reply page = get(url);
        pages.add(page);
        for (String next = link(page.header("Link"), "next"); page.status() == 200 && next != null;
                next = link(page.header("Link"), "next")) {
            page = get(URI.create(url).resolve(next).toString());
            pages.add(page);
            if (pages.size() > 100_000) {
                throw new IllegalStateException(url + ": a list that never ends (Link next loops)");
            }
        }
        return pages;
    }

    private static ArrayNode itemsOf(JsonNode body, String items) {
        JsonNode list = items == null ? body : body.path(items);
        if (!list.isArray()) {
            throw new IllegalStateException("no list '" + items + "' in " + body);
        }
        return (ArrayNode) list;
    }

    /** The target of the link with relation {@code rel} in an RFC 8288 Link header, or null. */
    public static String link(String header, String rel) {
        if (header == null) {
            return null;
        }
        Matcher m = LINK.matcher(header);
        while (m.find()) {
            if (m.group(2).equals(rel)) {
                return m.group(1);
            }
        }
        return null;
    }

    public Reply post(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Reply put(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Reply patch(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(write(body))));
    }

    /** multipart/form-data, every file as a part named {@code part}, as a browser's file input sends them. */
    public Reply postFiles(String url, String part, List<Upload> files) {
        String boundary = "teamscpe-" + UUID.randomUUID();
        List<byte[]> body = new ArrayList<>();
        for (Upload f : files) {
            body.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                    + f.fileName() + "\"\r\nContent-Type: " + f.contentType() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.add(f.content());
            body.add("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(body)));
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).build();
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Reply(response.statusCode(), body == null || body.isBlank()
                    ? json.createObjectNode() : json.readTree(body), built.method() + " " + built.uri(),
                    response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + request.build().uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
