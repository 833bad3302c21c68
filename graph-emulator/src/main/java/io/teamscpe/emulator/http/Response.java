package io.teamscpe.emulator.http;

import io.teamscpe.emulator.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, content type, extra headers and body. */
public record Response(int status, String contentType, Map<String, String> headers, byte[] body) {

    public static final String JSON = "application/json; charset=utf-8";

    public static Response json(int status, Object body) {
        return new Response(status, JSON, Map.of(), Json.write(body));
    }

    public static Response ok(Object body) {
        return json(200, body);
    }

    public static Response text(int status, String body) {
        return new Response(status, "text/plain; charset=utf-8", Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    public static Response empty(int status) {
        return new Response(status, null, Map.of(), new byte[0]);
    }

    /** No response at all: the connection is closed as if the server had died mid-request. */
    public static Response dropConnection() {
        return new Response(0, null, Map.of(), new byte[0]);
    }

    public boolean dropsConnection() {
        return status == 0;
    }

    public Response withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new Response(status, contentType, Map.copyOf(all), body);
    }
}
