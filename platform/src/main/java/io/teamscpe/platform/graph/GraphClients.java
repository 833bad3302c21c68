package io.teamscpe.platform.graph;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Graph SDK clients for one access token, on the configured Graph base URL (Microsoft's, or the emulator's).
 * The SDK's retry handler sleeps the calling thread: call it from worker threads only, never the event loop.
 */
@ApplicationScoped
public class GraphClients {
    private final String baseUrl;
    private final OkHttpClient http;

    public GraphClients(@ConfigProperty(name = "teamscpe.graph.base-url",
            defaultValue = "https://graph.microsoft.com/v1.0") String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = GraphClientFactory.create().build();
    }

    public GraphServiceClient withToken(String accessToken) {
        String host = URI.create(baseUrl).getHost();
        AccessTokenProvider tokens = new AccessTokenProvider() {
            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return accessToken;
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return new AllowedHostsValidator(host);
            }
        };
        GraphServiceClient client = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens), http);
        client.getRequestAdapter().setBaseUrl(baseUrl);
        return client;
    }
}
