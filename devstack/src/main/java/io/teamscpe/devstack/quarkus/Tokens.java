package io.teamscpe.devstack.quarkus;

import io.teamscpe.emulator.GraphEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bearer tokens from the emulator acting as the firm's identity provider, for tests. */
public final class Tokens {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private Tokens() {
    }

    public static String admin(String firmId) {
        return GraphEmulatorResource.emulator().mintIdpToken(firmId, "admin-" + firmId, "Admin of " + firmId,
                "admin@" + firmId + ".test", List.of("cpe-admin"));
    }

    /** Another administrator of the same firm ({@code name} tells them apart), e.g. for two admins editing at once. */
    public static String admin(String firmId, String name) {
        return GraphEmulatorResource.emulator().mintIdpToken(firmId, name + "-" + firmId, name + " of " + firmId,
                name + "@" + firmId + ".test", List.of("cpe-admin"));
    }

    public static String professional(String firmId, String email) {
        return GraphEmulatorResource.emulator().mintIdpToken(firmId, email, email, email, List.of("professional"));
    }

    /** A {@code cpe-service} token obtained the way services get theirs: client credentials at the IdP. */
    public static String service() {
        return clientCredentials(GraphEmulator.IDP_TENANT, "client_id=" + enc(GraphEmulator.SERVICE_CLIENT_ID)
                + "&client_secret=" + enc(GraphEmulator.DEFAULT_SERVICE_CLIENT_SECRET));
    }

    /** A {@code cpe-operator} token of the operator client (client credentials at the IdP; no firm). */
    public static String operator() {
        return clientCredentials(GraphEmulator.IDP_TENANT, "client_id=" + enc(GraphEmulator.OPERATOR_CLIENT_ID)
                + "&client_secret=" + enc(GraphEmulator.DEFAULT_OPERATOR_CLIENT_SECRET));
    }

    /** A firm user's token carrying every role there is, for tests that prove roles alone open nothing. */
    public static String firmUserWithEveryRole(String firmId) {
        return GraphEmulatorResource.emulator().mintIdpToken(firmId, "mallory-" + firmId, "Mallory",
                "mallory@" + firmId + ".test", List.of("cpe-admin", "professional", "cpe-service", "cpe-operator"));
    }

    /**
     * A Graph application token from the emulated Entra, for tests that stand in for credential-service's broker
     * (the end-to-end tests use the real broker).
     */
    public static String graphApplication(String tenantId, String clientId, String secret) {
        return clientCredentials(tenantId, "scope=" + enc("https://graph.microsoft.com/.default") + "&client_id="
                + enc(clientId) + "&client_secret=" + enc(secret));
    }

    private static String clientCredentials(String tenant, String credentials) {
        GraphEmulator emulator = GraphEmulatorResource.emulator();
        String form = "grant_type=client_credentials&" + credentials;
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/" + tenant
                        + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = ACCESS_TOKEN.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("the emulator issued no token");
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("the IdP could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
