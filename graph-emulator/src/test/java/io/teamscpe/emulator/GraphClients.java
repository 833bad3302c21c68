package io.teamscpe.emulator;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import java.net.URI;
import java.util.Map;

/** Builds the real Graph SDK client against an emulator, with a client-credentials token from the emulator. */
final class GraphClients {

    private GraphClients() {
    }

    static String appToken(GraphEmulator emulator, String tenant, String clientId, String secret) {
        Http.Reply reply = Http.form(emulator.baseUrl() + "/" + tenant + "/oauth2/v2.0/token",
                "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret
                        + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default", null);
        if (reply.status() != 200) {
            throw new IllegalStateException("token request failed: " + reply.raw().body());
        }
        return reply.json().get("access_token").asText();
    }

    static GraphServiceClient graph(GraphEmulator emulator, String accessToken) {
        AccessTokenProvider tokens = new AccessTokenProvider() {
            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> additionalContext) {
                return accessToken;
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return new AllowedHostsValidator("localhost");
            }
        };
        GraphServiceClient graph = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens));
        graph.getRequestAdapter().setBaseUrl(emulator.baseUrl() + "/v1.0");
        return graph;
    }

    static GraphServiceClient demoApp(GraphEmulator emulator) {
        return graph(emulator, appToken(emulator, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                DemoScenario.CLIENT_SECRET));
    }
}
