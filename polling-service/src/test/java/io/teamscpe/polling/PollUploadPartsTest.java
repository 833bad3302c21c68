package io.teamscpe.polling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.polling.Fixtures.Part;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The multipart envelope itself: file names a database or a log cannot take, and bodies with no part at all. */
@QuarkusTest
class PollUploadPartsTest {
    private static final String P = "https://teamscpe.io/problems/";

    @Inject
    ObjectMapper json;

    @Test
    void fileNamesThatAreTooLongOrHoldControlCharactersRejectTheWholeUpload() {
        String firm = "firm-file-names";
        String session = Fixtures.session(json, firm);
        String tooLong = "a".repeat(496) + ".xlsx";
        Map<String, String> names = Map.of(
                tooLong, "501 characters",
                "poll\u0000.xlsx", "U+0000",
                "poll\u001b[31m.xlsx", "U+001B",
                "poll\t1.xlsx", "U+0009");
        List<Part> parts = new java.util.ArrayList<>();
        parts.add(new Part("good.xlsx", PollRejectionTest.good()));
        int i = 0;
        for (String name : names.keySet()) {
            parts.add(new Part(name, FormsExports.poll("Question " + i)
                    .response("a@contoso.com", "A", "Yes", Fixtures.LOCAL_START.plusMinutes(++i)).xlsx()));
        }
        List<Map<String, Object>> files = Fixtures.upload(firm, session, parts.toArray(Part[]::new))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(P + "poll-upload-rejected"))
                .body("detail", containsString("nothing was stored"))
                .body("files", hasSize(5))
                .extract().jsonPath().getList("files");
        assertThat(files.get(0)).containsEntry("fileName", "good.xlsx").containsEntry("status", "OK");
        for (Map<String, Object> f : files.subList(1, files.size())) {
            assertThat(f).containsEntry("status", "REJECTED").containsEntry("type", P + "poll-file-bad-name");
            String shown = (String) f.get("fileName");
            assertThat(shown).as("the name is shown printable and short").hasSizeLessThanOrEqualTo(130)
                    .doesNotContain("\u0000", "\u001b", "\r", "\n");
            String found = (String) f.get("found");
            assertThat(names.values().stream().filter(found::contains)).as(found).hasSize(1);
            assertThat((String) f.get("detail")).contains("Rename the file");
        }
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls", session).then().statusCode(200)
                .body("polls", hasSize(0));

        // a replacement is held to the same rule
        String pollId = Fixtures.upload(firm, session, new Part("good.xlsx", PollRejectionTest.good())).then()
                .statusCode(201).extract().path("polls[0].id");
        given().auth().oauth2(Tokens.admin(firm)).multiPart("file", "fixed\u0007.xlsx", PollApiTest.singleChoice(),
                        Fixtures.XLSX)
                .put("/api/sessions/{id}/polls/{pollId}", session, pollId).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo(P + "poll-file-bad-name"))
                .body("found", containsString("U+0007"));
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls/{pollId}", session, pollId).then()
                .body("files", hasSize(1)).body("poll.revision", equalTo(1));
    }

    @Test
    void aMultipartBodyWithoutAnyPartIsAProblemNotAServerError() {
        String firm = "firm-empty-multipart";
        String session = Fixtures.session(json, firm);
        for (String body : List.of("--x--\r\n", "--x--", "")) {
            given().auth().oauth2(Tokens.admin(firm))
                    .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                            .encodeContentTypeAs("multipart/form-data", ContentType.TEXT)))
                    .contentType("multipart/form-data; boundary=x").body(body)
                    .post("/api/sessions/{id}/polls", session).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo(P + "no-files"))
                    .body("detail", containsString("no files"));
        }
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls", session).then().statusCode(200)
                .body("polls", hasSize(0));
    }
}
