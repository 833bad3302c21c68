package io.teamscpe.credential;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The organizer's browser: validate for a link, sign in at the emulated Microsoft, come back to the callback. */
final class SignIn {
    private SignIn() {
    }

    /** Validates the provider and returns the sign-in link it answers with. */
    static URI authorizeUrl(String firm, String providerId) {
        String url = given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(Map.of())
                .post("/api/providers/{id}/validate", providerId)
                .then().statusCode(200).extract().path("authorizeUrl");
        return URI.create(url);
    }

    /** The browser at Microsoft's authorize endpoint (the emulator): the raw response. */
    static HttpResponse<String> atMicrosoft(URI authorizeUrl) {
        URI emulated = URI.create(GraphEmulatorResource.emulator().baseUrl() + authorizeUrl.getRawPath() + "?"
                + authorizeUrl.getRawQuery());
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(emulated).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where Microsoft redirects the browser after the (automatic) sign-in and consent. */
    static URI redirectFromMicrosoft(URI authorizeUrl) {
        HttpResponse<String> response = atMicrosoft(authorizeUrl);
        if (response.statusCode() != 302) {
            throw new AssertionError("Microsoft answered " + response.statusCode() + ": " + response.body());
        }
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    /** The browser follows a redirect into this service's callback (path and query only, no bearer token). */
    static ExtractableResponse<Response> callback(URI redirect) {
        return given().urlEncodingEnabled(false).redirects().follow(false)
                .get(redirect.getRawPath() + (redirect.getRawQuery() == null ? "" : "?" + redirect.getRawQuery()))
                .then().statusCode(303).extract();
    }

    /** The LMS outcome page the callback sent the browser to, as its query parameters. */
    static Map<String, String> outcome(ExtractableResponse<Response> callback) {
        URI location = URI.create(callback.header("Location"));
        return query(location);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return params;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
