package io.teamscpe.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.teamscpe.devstack.quarkus.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A browser page of a configured LMS origin may call the API cross-origin (platform's quarkus.http.cors.* from
 * teamscpe.cors.origins; this module's tests list https://lms.test.example); any other origin is refused with a
 * problem and no CORS header, so the browser keeps the answer from the page.
 */
@QuarkusTest
class CorsTest {
    static final String LMS = "https://lms.test.example";

    @Test
    void aPreflightFromTheConfiguredLmsOriginIsAllowed() {
        given().header("Origin", LMS).header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/sessions/{id}", "3f2504e0-4f89-11d3-9a0c-0305e82c3301")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(LMS))
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Credentials", equalTo("false"));
    }

    @Test
    void theActualRequestFromTheLmsOriginCarriesTheCorsHeaders() {
        given().auth().oauth2(Tokens.admin("firm-cors")).header("Origin", LMS).get("/api/sessions")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(LMS))
                .header("Access-Control-Expose-Headers", containsString("Location"))
                // a list page's totals and links are readable by the page's script
                .header("Access-Control-Expose-Headers", containsString("X-Total-Count"))
                .header("Access-Control-Expose-Headers", containsString("Link"))
                .header("X-Total-Count", equalTo("0"));
    }

    @Test
    void aPreflightFromAnotherOriginIsRefusedWithAProblem() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "PUT")
                .options("/api/sessions/{id}", "3f2504e0-4f89-11d3-9a0c-0305e82c3301")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue())
                .body("type", equalTo("https://teamscpe.io/problems/origin-not-allowed"))
                .body("detail", containsString("TEAMSCPE_CORS_ORIGINS"));
    }

    @Test
    void aRequestFromAnotherOriginIsRefusedBeforeItReachesTheApi() {
        given().auth().oauth2(Tokens.admin("firm-cors")).header("Origin", "https://lms.test.example.evil.example")
                .get("/api/sessions")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue())
                .body("type", equalTo("https://teamscpe.io/problems/origin-not-allowed"));
    }
}
