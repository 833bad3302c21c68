package io.teamscpe.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A tiny JSON client for the public API, as the LMS would call it (bearer token, JSON bodies). */
public final class Api {
    /** A response: status and JSON body (problem+json on errors), and what was asked ("GET <url>"). */
    public record Reply(int status, JsonNode body, String request) {
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
                    ? json.createObjectNode() : json.readTree(body), built.method() + " " + built.uri());
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
