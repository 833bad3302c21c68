package io.teamscpe.platform.graph;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import jakarta.enterprise.context.ApplicationScoped;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import java.net.URI;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * Graph SDK clients for one access token, on the configured Graph base URL (Microsoft's, or the emulator's).
 * Calls block (and {@link GraphRetry} sleeps between attempts): worker threads only, never the event loop.
 */
@ApplicationScoped
public class GraphClients {
    private final String baseUrl;
    private final OkHttpClient http;

    public GraphClients(GraphConfig config) {
        this.baseUrl = config.baseUrl();
        // GraphRetry is the one retry policy (it honours HTTP-date Retry-After, timeouts and the shared budget).
        RetryHandlerOption noRetries = new RetryHandlerOption((delay, executions, request, response) -> false, 0, 0);
        this.http = GraphClientFactory.create(new RequestOption[] {noRetries})
                .readTimeout(config.readTimeout())
                .build();
    }

    /** Graph's v1.0 root this service talks to, e.g. to build a {@code /me} or {@code /users/{id}} request URL. */
    public String baseUrl() {
        return baseUrl;
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
