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
 * one): it gets real tokens for the demo app from the emulated Entra, so every Graph call of session-service still
 * goes through the real Graph SDK to the emulator. {@link #PROVIDER_ID} is an application provider
 * (client credentials); {@link #DELEGATED_PROVIDER_ID} a delegated one whose organizer signed in (authorization-code
 * flow). Any other provider is refused like the real broker refuses another firm's provider.
 */
@Path("/internal/tokens")
@RolesAllowed("cpe-service")
public class TestTokenBroker {
    public static final String PROVIDER_ID = "11111111-1111-4111-8111-111111111111";
    public static final String DELEGATED_PROVIDER_ID = "22222222-2222-4222-8222-222222222222";
    private static final String REDIRECT = "https://cpe.example/webcast_credential_proxy_in/MicrosoftTeamsUtility/";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    @POST
    public BrokeredToken issue(TokenRequest request) throws IOException, InterruptedException {
        if (DELEGATED_PROVIDER_ID.equals(request.providerId())) {
            return new BrokeredToken(delegatedToken(), Instant.now().plusSeconds(3000), "DELEGATED",
                    DemoScenario.ORGANIZER_ID, "me");
        }
        if (!PROVIDER_ID.equals(request.providerId())) {
            throw ProblemException.notFound("Provider", request.providerId());
        }
        if (request.organizerId() == null) {
            throw ProblemException.badRequest("organizer-required", "Organizer required", "send organizerId");
        }
        String body = token("grant_type=client_credentials&scope=" + enc("https://graph.microsoft.com/.default"));
        return new BrokeredToken(accessToken(body), Instant.now().plusSeconds(3000), "APPLICATION",
                request.organizerId(), "users/" + request.organizerId());
    }

    /** The demo organizer signs in and consents (the emulator does it at once), and the code is redeemed. */
    private static String delegatedToken() throws IOException, InterruptedException {
        String scope = enc("OnlineMeetings.ReadWrite User.Read offline_access openid");
        HttpResponse<String> authorize = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        base() + "/authorize?client_id=" + enc(DemoScenario.CLIENT_ID) + "&response_type=code"
                                + "&redirect_uri=" + enc(REDIRECT) + "&scope=" + scope + "&state=s"
                                + "&login_hint=" + enc(DemoScenario.ORGANIZER_UPN))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher code = CODE.matcher(authorize.headers().firstValue("Location").orElse(""));
        if (!code.find()) {
            throw new IllegalStateException("the emulator issued no authorization code");
        }
        return accessToken(token("grant_type=authorization_code&code=" + code.group(1) + "&redirect_uri="
                + enc(REDIRECT) + "&scope=" + scope));
    }

    private static String token(String grant) throws IOException, InterruptedException {
        String form = grant + "&client_id=" + enc(DemoScenario.CLIENT_ID) + "&client_secret="
                + enc(DemoScenario.CLIENT_SECRET);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String accessToken(String body) {
        Matcher m = ACCESS_TOKEN.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("the emulator issued no token");
        }
        return m.group(1);
    }

    private static String base() {
        return GraphEmulatorResource.emulator().baseUrl() + "/" + DemoScenario.TENANT_ID + "/oauth2/v2.0";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
