package io.teamscpe.polling;

import static io.restassured.RestAssured.given;
import static io.teamscpe.polling.Fixtures.LOCAL_START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.teamscpe.devstack.kafka.EventSchemas;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.polling.Fixtures.Part;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PollApiTest {
    @Inject
    ObjectMapper json;

    static byte[] singleChoice() {
        return FormsExports.poll("Which standard governs this contract?")
                .response("Frederick.Cormier@contoso.com", "Frederick Cormier", "ASC 606", LOCAL_START.plusMinutes(10))
                .response("megan.bowen@contoso.com", "Megan Bowen", "IFRS 15", LOCAL_START.plusMinutes(11))
                .response("anonymous", null, "ASC 606", LOCAL_START.plusMinutes(12))
                .xlsx();
    }

    static byte[] multiSelectTextDatesReordered() {
        return FormsExports.poll("Which disclosures are required?").textDates()
                .columns("Email", FormsExports.QUESTION, "Completion time", "Name", "Department", "Start time", "ID")
                .response("frederick.cormier@contoso.com", "Frederick Cormier", "Disaggregation;Contract balances;",
                        LOCAL_START.plusMinutes(40))
                .response("megan.bowen@contoso.com", "Megan Bowen", "Contract balances;", LOCAL_START.plusMinutes(41))
                .response(null, null, "Disaggregation;", LOCAL_START.plusMinutes(42))
                .xlsx();
    }

    @Test
    void manyExportsAreUploadedAtOnceListedAndPublished() {
        String firm = "firm-upload";
        String session = Fixtures.session(json, firm);
        Fixtures.upload(firm, session, new Part("poll-1.xlsx", singleChoice()),
                        new Part("poll-2.xlsx", multiSelectTextDatesReordered())).then().statusCode(201)
                .body("polls", hasSize(2)).body("alreadyUploaded", hasSize(0))
                .body("notes[0]", containsString("Anonymous responses"));

        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls", session).then().statusCode(200)
                .body("polls.fileName", contains("poll-1.xlsx", "poll-2.xlsx"))
                .body("polls[0].question", equalTo("Which standard governs this contract?"))
                .body("polls[0].options", contains("ASC 606", "IFRS 15"))
                .body("polls[0].multiSelect", equalTo(false))
                .body("polls[0].responseCount", equalTo(3))
                .body("polls[0].anonymousCount", equalTo(1))
                .body("polls[0].unmatchedCount", equalTo(2))
                .body("polls[0].included", equalTo(true))
                .body("polls[0].sha256", notNullValue())
                .body("polls[0].uploadedBy", equalTo("admin@" + firm + ".test"))
                .body("polls[0].uploadedAt", notNullValue())
                .body("polls[0].timeCheck.verdict", equalTo("OK"))
                .body("polls[1].multiSelect", equalTo(true))
                .body("polls[1].options", containsInAnyOrder("Disaggregation", "Contract balances"))
                .body("polls[1].anonymousCount", equalTo(1))
                .body("polls[1].warnings", hasItem(containsString("'Department' was ignored")))
                .body("polls[1].timeCheck.verdict", equalTo("OK"))
                .body("notes", hasItem(containsString("cannot earn anyone credit")));

        ConsumerRecord<String, String> uploaded = Fixtures.events(session, "io.teamscpe.poll.uploaded.v1", 2).get(0);
        assertThat(EventSchemas.validate("io.teamscpe.poll.uploaded.v1", uploaded.value())).isEmpty();
        List<ConsumerRecord<String, String>> chunks =
                Fixtures.events(session, "io.teamscpe.poll.responses-chunk.v1", 2);
        for (ConsumerRecord<String, String> chunk : chunks) {
            assertThat(EventSchemas.validate("io.teamscpe.poll.responses-chunk.v1", chunk.value())).isEmpty();
        }
        assertThat(chunks.get(0).value()).contains("\"completedAt\":\"2026-10-05T16:11:00Z\"")
                .contains("\"anonymous\":true");
        assertThat(chunks.get(1).value()).contains("[\"Disaggregation\",\"Contract balances\"]");

        given().auth().oauth2(Tokens.admin("firm-someone-else")).get("/api/sessions/{id}/polls", session).then()
                .statusCode(404);
    }

    @Test
    void theSameFileTwiceIsRecognisedAndNamesItsPoll() {
        String firm = "firm-duplicate";
        String session = Fixtures.session(json, firm);
        byte[] file = singleChoice();
        String pollId = Fixtures.upload(firm, session, new Part("poll.xlsx", file)).then().statusCode(201)
                .extract().path("polls[0].id");
        Fixtures.upload(firm, session, new Part("poll (1).xlsx", file)).then().statusCode(200)
                .body("polls", hasSize(0))
                .body("alreadyUploaded[0].pollId", equalTo(pollId))
                .body("alreadyUploaded[0].detail", containsString(pollId));
        String other = Fixtures.session(json, firm);
        Fixtures.upload(firm, other, new Part("poll.xlsx", file)).then().statusCode(422)
                .body("files[0].type", equalTo("https://teamscpe.io/problems/poll-file-in-another-session"))
                .body("files[0].found", containsString(pollId));
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls", session).then()
                .body("polls", hasSize(1));
    }

    @Test
    void excludeAndReplaceKeepThePollAndItsHistory() {
        String firm = "firm-replace";
        String session = Fixtures.session(json, firm);
        String pollId = Fixtures.upload(firm, session, new Part("poll.xlsx", singleChoice())).then().statusCode(201)
                .extract().path("polls[0].id");

        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(Map.of("included", false, "reason", "Launched by mistake"))
                .patch("/api/sessions/{id}/polls/{pollId}", session, pollId).then().statusCode(200)
                .body("included", equalTo(false)).body("excludedReason", equalTo("Launched by mistake"));
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls", session).then()
                .body("polls[0].included", equalTo(false));

        byte[] corrected = FormsExports.poll("Which standard governs this contract?")
                .response("frederick.cormier@contoso.com", "Frederick Cormier", "ASC 606", LOCAL_START.plusMinutes(10))
                .xlsx();
        given().auth().oauth2(Tokens.admin(firm)).multiPart("file", "poll-corrected.xlsx", corrected, Fixtures.XLSX)
                .put("/api/sessions/{id}/polls/{pollId}", session, pollId).then().statusCode(200)
                .body("id", equalTo(pollId)).body("revision", equalTo(2)).body("responseCount", equalTo(1))
                .body("fileName", equalTo("poll-corrected.xlsx")).body("included", equalTo(false));
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls/{pollId}", session, pollId).then()
                .statusCode(200)
                .body("files.fileName", contains("poll.xlsx", "poll-corrected.xlsx"))
                .body("files.current", contains(false, true))
                .body("history.action", contains("UPLOADED", "EXCLUDED", "REPLACED"));

        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(Map.of("included", true))
                .patch("/api/sessions/{id}/polls/{pollId}", session, pollId).then().statusCode(200)
                .body("included", equalTo(true));

        for (String type : List.of("excluded", "replaced", "included")) {
            String ce = "io.teamscpe.poll." + type + ".v1";
            assertThat(EventSchemas.validate(ce, Fixtures.events(session, ce, 1).get(0).value())).as(ce).isEmpty();
        }
        List<ConsumerRecord<String, String>> chunks =
                Fixtures.events(session, "io.teamscpe.poll.responses-chunk.v1", 2);
        assertThat(chunks.get(chunks.size() - 1).value()).contains("\"revision\":2");
    }

    @Test
    void theTimeZoneCheckCatchesAFileOfAnotherDayAndNamesTheLikelyOffset() {
        String firm = "firm-zones";
        String session = Fixtures.session(json, firm);
        byte[] otherDay = FormsExports.poll("Yesterday's question")
                .response("a@contoso.com", "A", "Yes", LOCAL_START.minusDays(1).plusMinutes(20))
                .response("b@contoso.com", "B", "No", LOCAL_START.minusDays(1).plusMinutes(25))
                .xlsx();
        // exported by an account in UTC+2: 18:10 there is 12:10 in New York
        byte[] exportedInBerlin = FormsExports.poll("Exported elsewhere")
                .response("a@contoso.com", "A", "Yes", LOCAL_START.plusHours(6).plusMinutes(10))
                .response("b@contoso.com", "B", "No", LOCAL_START.plusHours(6).plusMinutes(50))
                .response("c@contoso.com", "C", "No", LOCAL_START.plusHours(7).plusMinutes(20))
                .xlsx();
        Fixtures.upload(firm, session, new Part("other-day.xlsx", otherDay),
                new Part("berlin.xlsx", exportedInBerlin)).then().statusCode(201);
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls", session).then()
                .body("polls[0].timeCheck.verdict", equalTo("NOT_THIS_SESSION"))
                .body("polls[0].warnings", hasItem(containsString("right session")))
                .body("polls[1].timeCheck.verdict", equalTo("SHIFTED"))
                .body("polls[1].timeCheck.likelyOffset", equalTo("+02:00"))
                .body("polls[1].timeCheck.inMeetingAtLikelyOffset", equalTo(3))
                .body("polls[1].warnings", hasItem(containsString("UTC+02:00")));

        // read under the offset the check named, the same file fits
        String berlin = given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls", session).then()
                .extract().path("polls[1].id");
        given().auth().oauth2(Tokens.admin(firm)).multiPart("file", "berlin.xlsx", exportedInBerlin, Fixtures.XLSX)
                .multiPart("timeZone", "+02:00")
                .put("/api/sessions/{id}/polls/{pollId}", session, berlin).then().statusCode(200)
                .body("timeZone", equalTo("+02:00")).body("revision", equalTo(2))
                .body("timeCheck.verdict", equalTo("OK"));
        given().auth().oauth2(Tokens.admin(firm)).multiPart("file", "berlin.xlsx", exportedInBerlin, Fixtures.XLSX)
                .multiPart("timeZone", "+02:00")
                .put("/api/sessions/{id}/polls/{pollId}", session, berlin).then().statusCode(409)
                .body("type", equalTo("https://teamscpe.io/problems/poll-file-unchanged"));
    }
}
