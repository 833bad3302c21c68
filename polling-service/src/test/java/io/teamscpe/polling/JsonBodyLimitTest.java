package io.teamscpe.polling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.polling.Fixtures.Part;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON bodies are small (64 KB at most); only multipart uploads get the large limit. */
@QuarkusTest
class JsonBodyLimitTest {
    private static final String P = "https://teamscpe.io/problems/";
    private static final int LIMIT = 64 * 1024;

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aJsonBodyOverTheLimitIsRefusedWith413WhetherItsLengthIsDeclaredOrNotButUploadsAreNot() throws Exception {
        String firm = "firm-json-limit";
        String session = Fixtures.session(json, firm);
        String pollId = Fixtures.upload(firm, session, new Part("poll.xlsx", PollRejectionTest.good())).then()
                .statusCode(201).extract().path("polls[0].id");

        // declared length (Content-Length)
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(Map.of("included", false, "reason", "x".repeat(LIMIT)))
                .patch("/api/sessions/{id}/polls/{pollId}", session, pollId).then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo(P + "body-too-large"))
                .body("limit", equalTo(LIMIT))
                .body("detail", containsString("64 KB"));

        // no declared length (chunked): counted while it is read
        byte[] chunked = json.writeValueAsBytes(Map.of("respondentKey", "email:a@contoso.com",
                "professionalId", "p-1", "name", "y".repeat(2 * LIMIT)));
        HttpRequest.BodyPublisher unsized = HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(chunked));
        assertThat(unsized.contentLength()).as("sent chunked, without Content-Length").isEqualTo(-1);
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build()
                .send(HttpRequest.newBuilder(URI.create(base + "api/sessions/" + session
                                        + "/polls/respondents/mappings"))
                                .header("Authorization", "Bearer " + Tokens.admin(firm))
                                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                                .POST(unsized).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo(P + "body-too-large");

        // nothing changed: the poll is still included and no mapping was made
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls/{pollId}", session, pollId).then()
                .body("poll.included", equalTo(true)).body("history", hasSize(1));
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls/respondents", session).then()
                .statusCode(200).body("matched", hasSize(0)).body("unmatched", hasSize(1));
        // a JSON body under the limit still goes through
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(Map.of("included", false, "reason", "Launched by mistake"))
                .patch("/api/sessions/{id}/polls/{pollId}", session, pollId).then().statusCode(200);

        // multipart uploads keep their own, larger limit
        FormsExports export = FormsExports.poll("Which standard governs this contract?");
        for (int i = 0; i < 3000; i++) {
            export.response("attendee" + i + "@contoso.com", "Attendee Number " + i, i % 2 == 0 ? "ASC 606" : "IFRS 15",
                    Fixtures.LOCAL_START.plusMinutes(10).plusSeconds(i % 600));
        }
        byte[] big = export.xlsx();
        assertThat(big.length).isGreaterThan(LIMIT);
        Fixtures.upload(firm, session, new Part("big.xlsx", big)).then().statusCode(201)
                .body("polls[0].responseCount", equalTo(3000));
    }
}
