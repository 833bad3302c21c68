package io.teamscpe.attendance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * credential-service's token broker as the benchmark needs it: an application token of the demo tenant (from the
 * emulated Entra, through msal4j) for every request, read on {@code /users/{organizer}}.
 */
final class BenchTokenBroker implements AutoCloseable {
    private final HttpServer server;
    private final ObjectMapper json;

    private BenchTokenBroker(HttpServer server, ObjectMapper json) {
        this.server = server;
        this.json = json;
    }

    static BenchTokenBroker start(ObjectMapper json) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        BenchTokenBroker broker = new BenchTokenBroker(server, json);
        server.createContext("/internal/tokens", broker::issue);
        server.start();
        return broker;
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void issue(HttpExchange exchange) throws IOException {
        JsonNode request = json.readTree(exchange.getRequestBody());
        String organizer = request.path("organizerId").asText();
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("accessToken", Tokens.graphApplication(DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                DemoScenario.CLIENT_SECRET));
        token.put("expiresAt", Instant.now().plusSeconds(3000).toString());
        token.put("providerType", "APPLICATION");
        token.put("organizerId", organizer);
        token.put("graphUserPath", "users/" + organizer);
        byte[] body = json.writeValueAsBytes(token);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
