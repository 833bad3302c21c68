package io.teamscpe.emulator;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import io.teamscpe.emulator.http.QueryString;
import io.teamscpe.platform.graph.GraphClients;
import io.teamscpe.platform.graph.GraphConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * Tokens from the emulator, and the Graph SDK as Microsoft ships it (default middleware, its own retry handler), to
 * prove the emulator behaves like Graph for any client. The services' own client is platform {@code GraphClients}
 * ({@link #services}), used where a test reads what the services read.
 */
final class SdkClients {

    private SdkClients() {
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

    /**
     * A delegated Graph token of the user with this UPN for the demo app, the way a browser sign-in gets one:
     * authorize (the emulator signs the user in at once), then redeem the code.
     */
    static String delegatedToken(GraphEmulator emulator, String upn, String scopes) {
        String redirect = "https://cpe.example/signed-in";
        Http.Reply authorize = Http.get(emulator.baseUrl() + "/" + DemoScenario.TENANT_ID + "/oauth2/v2.0/authorize"
                + "?response_type=code&client_id=" + DemoScenario.CLIENT_ID + "&redirect_uri="
                + QueryString.encode(redirect) + "&scope=" + QueryString.encode(scopes) + "&login_hint="
                + QueryString.encode(upn), null);
        String location = authorize.raw().headers().firstValue("Location").orElseThrow();
        String code = QueryString.parse(URI.create(location).getRawQuery()).get("code");
        Http.Reply reply = Http.form(emulator.baseUrl() + "/" + DemoScenario.TENANT_ID + "/oauth2/v2.0/token",
                "grant_type=authorization_code&code=" + QueryString.encode(code) + "&redirect_uri="
                        + QueryString.encode(redirect) + "&client_id=" + DemoScenario.CLIENT_ID + "&client_secret="
                        + QueryString.encode(DemoScenario.CLIENT_SECRET), null);
        if (reply.status() != 200) {
            throw new IllegalStateException("token request failed: " + reply.raw().body());
        }
        return reply.json().get("access_token").asText();
    }

    static GraphServiceClient graph(GraphEmulator emulator, String accessToken) {
        return graph(emulator, accessToken, null);
    }

    /** The SDK with its default middleware (retry handler included) on this OkHttp client, or the default one. */
    static GraphServiceClient graph(GraphEmulator emulator, String accessToken, OkHttpClient http) {
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
        BaseBearerTokenAuthenticationProvider auth = new BaseBearerTokenAuthenticationProvider(tokens);
        GraphServiceClient graph = http == null ? new GraphServiceClient(auth) : new GraphServiceClient(auth, http);
        graph.getRequestAdapter().setBaseUrl(emulator.baseUrl() + "/v1.0");
        return graph;
    }

    /** The services' own Graph client (platform GraphClients: no SDK retries, GraphRetry does that) with the demo app. */
    static GraphServiceClient services(GraphEmulator emulator) {
        GraphConfig config = new GraphConfig() {
            @Override
            public String baseUrl() {
                return emulator.baseUrl() + "/v1.0";
            }

            @Override
            public Duration readTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Retry retry() {
                throw new UnsupportedOperationException("GraphClients reads no retry setting");
            }

            @Override
            public Budget budget() {
                throw new UnsupportedOperationException("GraphClients reads no budget setting");
            }
        };
        return new GraphClients(config).withToken(appToken(emulator, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                DemoScenario.CLIENT_SECRET));
    }

    static GraphServiceClient demoApp(GraphEmulator emulator) {
        return graph(emulator, appToken(emulator, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                DemoScenario.CLIENT_SECRET));
    }
}
