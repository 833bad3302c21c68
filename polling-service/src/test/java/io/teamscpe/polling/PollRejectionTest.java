package io.teamscpe.polling;

import static io.restassured.RestAssured.given;
import static io.teamscpe.polling.Fixtures.LOCAL_START;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.HttpServer;
import io.restassured.path.json.JsonPath;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.polling.Fixtures.Part;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PollRejectionTest {
    @Inject
    HttpServer server;
    private static final String P = "https://teamscpe.io/problems/";

    @Inject
    ObjectMapper json;

    static byte[] good() {
        return FormsExports.poll("Is revenue recognised over time?")
                .response("a@contoso.com", "A", "Yes", LOCAL_START.plusMinutes(5)).xlsx();
    }

    @Test
    void oneUnusableFileRejectsTheWholeUploadWithAReasonPerFile() {
        String firm = "firm-rejections";
        String session = Fixtures.session(json, firm);
        byte[] good = good();
        byte[] tooLarge = new byte[2 * 1024 * 1024 + 1];
        new Random(7).nextBytes(tooLarge);
        Map<String, String> expected = Map.ofEntries(
                Map.entry("responses.csv.xlsx", "poll-file-csv"),
                Map.entry("old.xls", "poll-file-legacy-xls"),
                Map.entry("report.pdf", "poll-file-pdf"),
                Map.entry("empty.xlsx", "poll-file-empty"),
                Map.entry("locked.xlsx", "poll-file-password-protected"),
                Map.entry("no-question.xlsx", "poll-file-no-question-column"),
                Map.entry("bomb.xlsx", "poll-file-zip-bomb"),
                Map.entry("xxe.xlsx", "poll-file-xml-entity"),
                Map.entry("huge.xlsx", "poll-file-too-large"));
        JsonPath body = Fixtures.upload(firm, session,
                        new Part("good.xlsx", good),
                        new Part("responses.csv.xlsx", BadFiles.csv()),
                        new Part("old.xls", BadFiles.legacyXls()),
                        new Part("report.pdf", BadFiles.pdf()),
                        new Part("empty.xlsx", new byte[0]),
                        new Part("locked.xlsx", BadFiles.passwordProtected(good)),
                        new Part("no-question.xlsx", FormsExports.headersOnly("ID", "Start time", "Completion time",
                                "Email", "Name")),
                        new Part("bomb.xlsx", BadFiles.zipBomb(good, 16)),
                        new Part("xxe.xlsx", BadFiles.xxe(good)),
                        new Part("huge.xlsx", tooLarge))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(P + "poll-upload-rejected"))
                .body("detail", containsString("nothing was stored"))
                .body("files", hasSize(10))
                .extract().jsonPath();
        List<Map<String, Object>> files = body.getList("files");
        for (Map<String, Object> f : files) {
            String name = (String) f.get("fileName");
            if (name.equals("good.xlsx")) {
                org.assertj.core.api.Assertions.assertThat(f.get("status")).isEqualTo("OK");
                continue;
            }
            org.assertj.core.api.Assertions.assertThat(f).as(name)
                    .containsEntry("status", "REJECTED")
                    .containsEntry("type", P + expected.get(name))
                    .containsKeys("expected", "found", "detail");
            org.assertj.core.api.Assertions.assertThat((String) f.get("detail")).as(name).isNotBlank();
        }
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls", session).then().statusCode(200)
                .body("polls", hasSize(0));

        // the service stayed healthy: the good file alone goes in
        given().get("http://localhost:" + server.getManagementPort() + "/q/health/live").then().statusCode(200);
        Fixtures.upload(firm, session, new Part("good.xlsx", good)).then().statusCode(201).body("polls", hasSize(1));
    }

    @Test
    void eachRefusalTellsWhatToExportInstead() {
        String firm = "firm-advice";
        String session = Fixtures.session(json, firm);
        Fixtures.upload(firm, session, new Part("old.xls", BadFiles.legacyXls())).then().statusCode(422)
                .body("files[0].found", containsString("Excel 97-2003"))
                .body("files[0].expected", containsString(".xlsx"))
                .body("files[0].detail", containsString("Open in Excel"));
        Fixtures.upload(firm, session, new Part("answers.xlsx", FormsExports.headersOnly("Respondent", "Answer")))
                .then().statusCode(422)
                .body("files[0].type", equalTo(P + "poll-file-missing-columns"))
                .body("files[0].found", containsString("'Respondent'"));
    }

    @Test
    void moreFilesThanTheLimitAreRefusedBeforeAnyIsRead() {
        String firm = "firm-too-many";
        String session = Fixtures.session(json, firm);
        Part[] parts = new Part[13];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = new Part("poll-" + i + ".xlsx", FormsExports.poll("Q" + i)
                    .response("a@contoso.com", "A", "Yes", LOCAL_START.plusMinutes(i)).xlsx());
        }
        Fixtures.upload(firm, session, parts).then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo(P + "too-many-files")).body("limit", equalTo(12))
                .body("detail", containsString("several batches"));
        given().auth().oauth2(Tokens.admin(firm)).multiPart("timeZone", "UTC")
                .post("/api/sessions/{id}/polls", session).then().statusCode(400).body("type", equalTo(P + "no-files"));
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls", session).then()
                .body("polls", hasSize(0));
    }

    @Test
    void unknownSessionsAndOtherRolesAreRefused() {
        Fixtures.upload("firm-x", "no-such-session", new Part("good.xlsx", good())).then().statusCode(404)
                .body("type", equalTo(P + "not-found"));
        given().auth().oauth2(Tokens.professional("firm-x", "pro@x.test"))
                .get("/api/sessions/{id}/polls", "any").then().statusCode(403);
        given().get("/api/sessions/{id}/polls", "any").then().statusCode(401).body("type", notNullValue());
    }
}
