package io.teamscpe.attendance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.emulator.DemoScenario;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A delegated Graph token of the demo organizer, the way credential-service gets one: the emulated Entra's
 * authorization-code flow (sign-in and consent at once for {@code login_hint}), then the code redeemed.
 */
final class DelegatedSignIn {
    private static final String REDIRECT_URI = "https://cpe.firm.test/signed-in";
    private static final String SCOPES = "https://graph.microsoft.com/OnlineMeetings.Read "
            + "https://graph.microsoft.com/OnlineMeetingArtifact.Read.All offline_access";

    private DelegatedSignIn() {
    }

    static String organizerToken() {
        String authority = GraphEmulatorResource.emulator().baseUrl() + "/" + DemoScenario.TENANT_ID
                + "/oauth2/v2.0";
        HttpClient http = HttpClient.newHttpClient(); // does not follow redirects: the code is in the Location
        try {
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(authority + "/authorize?"
                    + form(Map.of("client_id", DemoScenario.CLIENT_ID, "response_type", "code", "redirect_uri",
                    REDIRECT_URI, "scope", SCOPES, "login_hint", DemoScenario.ORGANIZER_UPN, "state", "s"))))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            String location = signedIn.headers().firstValue("Location")
                    .orElseThrow(() -> new AssertionError("no redirect from authorize: " + signedIn.body()));
            String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(authority + "/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                            "code", URLDecoder.decode(code, StandardCharsets.UTF_8), "redirect_uri", REDIRECT_URI, "client_id",
                            DemoScenario.CLIENT_ID, "client_secret", DemoScenario.CLIENT_SECRET, "scope", SCOPES))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (token.statusCode() != 200) {
                throw new AssertionError("the code was not redeemed: " + token.body());
            }
            return new ObjectMapper().readTree(token.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
