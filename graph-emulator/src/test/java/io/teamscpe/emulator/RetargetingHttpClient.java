package io.teamscpe.emulator;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;

/**
 * What production code gives msal4j: an {@link IHttpClient} that keeps path and query but sends every request to
 * the emulator instead of login.microsoftonline.com.
 */
final class RetargetingHttpClient implements IHttpClient {

    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RetargetingHttpClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public IHttpResponse send(HttpRequest request) throws Exception {
        URL original = request.url();
        String target = baseUrl + original.getPath() + (original.getQuery() == null ? "" : "?" + original.getQuery());
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(target))
                .timeout(Duration.ofSeconds(10));
        if (request.headers() != null) {
            request.headers().forEach((name, value) -> {
                if (!RESTRICTED.contains(name.toLowerCase())) {
                    builder.header(name, value);
                }
            });
        }
        switch (request.httpMethod()) {
            case GET -> builder.GET();
            case POST -> builder.POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                    request.body() == null ? "" : request.body()));
            default -> throw new IllegalArgumentException("unexpected method " + request.httpMethod());
        }
        java.net.http.HttpResponse<String> response =
                client.send(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        HttpResponse result = new HttpResponse().statusCode(response.statusCode()).body(response.body());
        result.addHeaders(response.headers().map());
        return result;
    }
}
