package io.teamscpe.credential;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * What /q/openapi serves is the annotations merged with src/main/resources/META-INF/openapi.yaml, operation by
 * operation (path and method): the annotation's summary and success status, the static file's description, examples
 * and problem responses (deploy-checks reads the same merge from target/openapi at build time).
 */
@QuarkusTest
class ServedOpenApiTest {
    @Test
    void theServedDocumentMergesTheStaticFileWithTheAnnotations() {
        String register = "paths.'/api/providers'.post";
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(register + ".summary", startsWith("Register a Microsoft Teams credential"))
                .body(register + ".description", startsWith("Registers a Microsoft Teams credential"))
                .body(register + ".responses.'201'.headers.Location.description",
                        equalTo("Where it lives: /api/providers/{id}"))
                .body(register + ".responses.'201'.headers.Location.example",
                        startsWith("/api/providers/"))
                .body(register + ".requestBody.content.'application/json'.examples", hasKey("demo-firm"))
                .body(register + ".responses.'400'.content.'application/problem+json'.examples", hasKey(
                        "tenant-id-required"))
                .body("components.examples.'tenant-id-required'.value.type",
                        equalTo("https://teamscpe.io/problems/tenant-id-required"))
                .body("components.schemas", hasKey("Problem"));
    }
}
