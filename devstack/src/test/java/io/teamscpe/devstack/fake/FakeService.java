package io.teamscpe.devstack.fake;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

/**
 * Stands in for a packaged Quarkus service in devstack's own tests: serves {@code /q/health/ready} on
 * {@code QUARKUS_HTTP_PORT} and {@code /env}, the names (never values) of the expected variables it was given.
 * With {@code FAKE_EXIT=<code>} it exits at once, like a service that fails to boot.
 */
public final class FakeService {
    private static final List<String> PREFIXES = List.of("QUARKUS_", "KAFKA_", "TEAMSCPE_");

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        String exit = System.getenv("FAKE_EXIT");
        if (exit != null) {
            System.err.println("fake service refusing to start");
            System.exit(Integer.parseInt(exit));
        }
        HttpServer server = HttpServer.create(
                new InetSocketAddress("localhost", Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"))), 0);
        server.createContext("/q/health/ready", ex -> reply(ex, "{\"status\":\"UP\"}"));
        server.createContext("/env", ex -> {
            TreeSet<String> names = new TreeSet<>();
            System.getenv().keySet().stream().filter(n -> PREFIXES.stream().anyMatch(n::startsWith)).forEach(names::add);
            reply(ex, String.join("\n", names));
        });
        server.start();
        System.out.println("fake service listening");
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
