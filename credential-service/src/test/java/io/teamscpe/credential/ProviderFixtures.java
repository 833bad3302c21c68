package io.teamscpe.credential;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.teamscpe.devstack.quarkus.Tokens;
import java.util.LinkedHashMap;
import java.util.Map;

/** Registers providers through the public API. */
final class ProviderFixtures {
    private ProviderFixtures() {
    }

    static String register(String firm, String tenantId, String clientId, String secret, String expiresOn) {
        return register(firm, "APPLICATION", tenantId, clientId, secret, expiresOn);
    }

    static String registerDelegated(String firm, String tenantId, String clientId, String secret) {
        return register(firm, "DELEGATED", tenantId, clientId, secret, null);
    }

    static String register(String firm, String type, String tenantId, String clientId, String secret,
                           String expiresOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("name", "Teams app " + clientId.substring(0, 8));
        body.put("tenantId", tenantId);
        body.put("clientId", clientId);
        body.put("clientSecret", secret);
        if (expiresOn != null) {
            body.put("secretExpiresOn", expiresOn);
        }
        return given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(body)
                .post("/api/providers")
                .then().statusCode(201).extract().path("id");
    }
}
