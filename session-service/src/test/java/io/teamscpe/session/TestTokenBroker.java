package io.teamscpe.session;

import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.platform.graph.BrokeredToken;
import io.teamscpe.platform.graph.TokenRequest;
import io.teamscpe.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for credential-service's token broker in this module's tests only (the end-to-end tests use the real
 * one): it gets a real client-credentials token for the demo app from the emulated Entra, so every Graph call of
 * session-service still goes through the real Graph SDK to the emulator. Provider "unknown" is refused like the real
 * broker refuses another firm's provider.
 */
@Path("/internal/tokens")
@RolesAllowed("cpe-service")
public class TestTokenBroker {
    public static final String PROVIDER_ID = "11111111-1111-4111-8111-111111111111";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    @POST
    public BrokeredToken issue(TokenRequest request) throws IOException, InterruptedException {
        if (!PROVIDER_ID.equals(request.providerId())) {
            throw ProblemException.notFound("Provider", request.providerId());
        }
        if (request.organizerId() == null) {
            throw ProblemException.badRequest("organizer-required", "Organizer required", "send organizerId");
        }
        String form = "grant_type=client_credentials&scope=" + enc("https://graph.microsoft.com/.default")
                + "&client_id=" + enc(DemoScenario.CLIENT_ID) + "&client_secret=" + enc(DemoScenario.CLIENT_SECRET);
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                                GraphEmulatorResource.emulator().baseUrl() + "/" + DemoScenario.TENANT_ID
                                        + "/oauth2/v2.0/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = ACCESS_TOKEN.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("the emulator issued no token");
        }
        return new BrokeredToken(m.group(1), Instant.now().plusSeconds(3000), "APPLICATION", request.organizerId(),
                "users/" + request.organizerId());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
