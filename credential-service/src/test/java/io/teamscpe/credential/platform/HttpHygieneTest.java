package io.teamscpe.credential.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import io.quarkus.vertx.http.HttpServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every service does the same way, from platform (tested here on credential-service's API): problems from the
 * HTTP layer, control characters, authentication before content negotiation, headers, Location, metrics.
 */
@QuarkusTest
class HttpHygieneTest {
    static final String FIRM = "firm-hygiene";
    static final String PROBLEMS = "https://teamscpe.io/problems/";

    @Inject
    HttpServer server;

    @Test
    void anUnauthenticatedUploadWithTheWrongContentTypeHears401() {
        given().contentType(ContentType.TEXT).body("not json").post("/api/providers")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unauthorized"));
        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.TEXT).body("not json")
                .post("/api/providers").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void aNulInAPathIdIsA400Problem() {
        given().auth().oauth2(Tokens.admin(FIRM)).urlEncodingEnabled(false).get("/api/providers/abc%00def")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "control-character"));
        given().auth().oauth2(Tokens.admin(FIRM)).urlEncodingEnabled(false)
                .get("/api/providers/{id}/organizers?search=a%00b", UUID.randomUUID().toString())
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "control-character"));
    }

    @Test
    void aNulInAJsonTextIsA400ProblemNamingTheField() {
        Map<String, Object> body = provider("Teams\u0000app");
        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON).body(body).post("/api/providers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "control-character"))
                .body("detail", containsString("'name'"));
    }

    @Test
    void aUrlTooLongAnswersAProblem() {
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/providers?search=" + "a".repeat(10_000))
                .then().statusCode(414).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "uri-too-long"));
    }

    @Test
    void aBodyTooLargeAnswersAProblemBeforeItIsSent() throws IOException {
        // announced, not sent: the server answers from the headers (a client still sending would see a broken pipe)
        try (Socket socket = new Socket("localhost", server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/providers HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Tokens.admin(FIRM) + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (64L * 1024 * 1024) + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = readUntil(socket, "}");
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .contains(PROBLEMS + "body-too-large");
        }
    }

    @Test
    void creationsAnswerARelativeLocationWhateverTheHostHeaderSays() {
        GraphEmulatorResource.emulator().loadScenario(DemoScenario.build());
        String location = given().auth().oauth2(Tokens.admin(FIRM)).header("Host", "evil.example")
                .contentType(ContentType.JSON).body(provider("Teams app")).post("/api/providers")
                .then().statusCode(201).extract().header("Location");
        assertThat(location).startsWith("/api/providers/").doesNotContain("evil");
    }

    @Test
    void apiAnswersAreNeitherCachedNorSniffed() {
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/providers").then().statusCode(200)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        given().get("/api/providers").then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String elsewhere = GraphEmulatorResource.emulator().mintIdpToken(FIRM, "admin", "Admin", "a@firm.test",
                java.util.List.of("cpe-admin"), "some-other-api");
        given().auth().oauth2(elsewhere).get("/api/providers").then().statusCode(401);
    }

    @Test
    void healthAndMetricsLiveOnTheManagementPortOnlyTheApiDocumentOnTheServicePort() {
        given().get(management("/q/health/ready")).then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void metricsNeverRecordTheRawPathOfAnUnmatchedRequest() {
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        given().auth().oauth2(Tokens.admin(FIRM)).delete("/api/providers/{id}/validate", marker)
                .then().statusCode(405);
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/nothing/{id}", marker).then().statusCode(404);
        String scraped = given().get(management("/q/metrics")).then().statusCode(200).extract().asString();
        assertThat(scraped).contains("http_server_requests").doesNotContain(marker);
    }

    /** What the server sent until {@code end} appeared or it closed the connection. */
    private static String readUntil(Socket socket, String end) throws IOException {
        StringBuilder read = new StringBuilder();
        byte[] buffer = new byte[1024];
        int n;
        while (!read.toString().contains(end) && (n = socket.getInputStream().read(buffer)) > 0) {
            read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return read.toString();
    }

    private String management(String path) {
        return "http://localhost:" + server.getManagementPort() + path;
    }

    private static Map<String, Object> provider(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "APPLICATION");
        body.put("name", name);
        body.put("tenantId", DemoScenario.TENANT_ID);
        body.put("clientId", DemoScenario.CLIENT_ID);
        body.put("clientSecret", "hygiene-secret");
        return body;
    }
}
