package io.teamscpe.platform.graph;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * msal4j's HTTP client. msal4j keeps the real authority ({@code https://login.microsoftonline.com/...}) so its
 * instance discovery and token cache behave as in production; this client sends each request to the configured
 * identity host instead (the Graph emulator in tests and local runs; Microsoft itself by default).
 */
public class RetargetingHttpClient implements IHttpClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public RetargetingHttpClient(String targetHost) {
        this.target = URI.create(targetHost);
    }

    @Override
    public IHttpResponse send(HttpRequest request) throws Exception {
        URI original = request.url().toURI();
        URI uri = new URI(target.getScheme(), null, target.getHost(), target.getPort(), original.getPath(),
                original.getQuery(), null);
        var builder = java.net.http.HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        if (request.headers() != null) {
            request.headers().forEach((name, value) -> {
                if (!"Content-Length".equalsIgnoreCase(name) && !"Host".equalsIgnoreCase(name)) {
                    builder.header(name, value);
                }
            });
        }
        builder.method(request.httpMethod().name(),
                request.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofString(request.body()));
        var response = http.send(builder.build(), BodyHandlers.ofString());
        return new IHttpResponse() {
            @Override
            public int statusCode() {
                return response.statusCode();
            }

            @Override
            public Map<String, List<String>> headers() {
                return response.headers().map();
            }

            @Override
            public String body() {
                return response.body();
            }
        };
    }
}
