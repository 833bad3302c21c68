package io.teamscpe.polling;

import static io.restassured.RestAssured.given;
import static io.teamscpe.polling.Fixtures.LOCAL_START;
import static io.teamscpe.polling.Fixtures.attendee;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.teamscpe.devstack.kafka.EventSchemas;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.polling.Fixtures.Part;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PollReconciliationTest {
    @Inject
    ObjectMapper json;

    @Test
    void respondentsAreMatchedByEmailThenNameButNeverByAnAmbiguousName() {
        String firm = "firm-match";
        String session = Fixtures.session(json, firm);
        byte[] poll = FormsExports.poll("Which lease is a finance lease?")
                .response("FREDERICK.CORMIER@contoso.com", "Frederick Cormier", "Lease A", LOCAL_START.plusMinutes(20))
                .response("megan.personal@gmail.com", "Bowen, Mégan R.", "Lease B", LOCAL_START.plusMinutes(21))
                .response("alex.kim@partner.example", "Alex Kim", "Lease A", LOCAL_START.plusMinutes(22))
                .response("jon.doe@else.example", "Jonathan Doe", "Lease B", LOCAL_START.plusMinutes(23))
                .response("anonymous", null, "Lease A", LOCAL_START.plusMinutes(24))
                .xlsx();
        String pollId = Fixtures.upload(firm, session, new Part("leases.xlsx", poll)).then().statusCode(201)
                .body("polls[0].matchedCount", equalTo(0)).extract().path("polls[0].id");

        // attendance arrives after the upload: the poll is matched again and republished
        Fixtures.attendance(json, firm, session, List.of(
                attendee("oid-fred", "frederick.cormier@contoso.com", "Frederick Cormier"),
                attendee("oid-megan", "megan.bowen@contoso.com", "Megan Bowen"),
                attendee("oid-alex-1", "alex.kim@contoso.com", "Alex Kim"),
                attendee("oid-alex-2", "akim@contoso.com", "Alex Kim"),
                attendee("oid-john", "john.doe@contoso.com", "John Doe")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.admin(firm))
                .get("/api/sessions/{id}/polls", session).then()
                .body("polls[0].matchedCount", equalTo(2))
                .body("polls[0].unmatchedCount", equalTo(2))
                .body("polls[0].anonymousCount", equalTo(1))
                .body("polls[0].revision", equalTo(2)));

        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls/respondents", session).then()
                .statusCode(200)
                .body("matched.participantKey", containsInAnyOrder("oid-fred", "oid-megan"))
                .body("matched.matchMethod", containsInAnyOrder("EMAIL", "NAME"))
                .body("unmatched.name", containsInAnyOrder("Alex Kim", "Jonathan Doe"))
                .body("unmatched.find { it.name == 'Alex Kim' }.suggestions.participantKey",
                        containsInAnyOrder("oid-alex-1", "oid-alex-2"))
                .body("unmatched.find { it.name == 'Alex Kim' }.suggestions[0].reason", containsString("choose one"))
                .body("unmatched.find { it.name == 'Jonathan Doe' }.suggestions[0].participantKey",
                        equalTo("oid-john"))
                .body("anonymousResponses", equalTo(1))
                .body("notes", hasItem(containsString("cannot earn anyone credit")));

        var reconciled = Fixtures.events(session, "io.teamscpe.poll.reconciled.v1", 1).get(0);
        assertThat(EventSchemas.validate("io.teamscpe.poll.reconciled.v1", reconciled.value())).isEmpty();
        assertThat(reconciled.value()).contains(pollId).contains("ATTENDANCE_CHANGED");
    }

    @Test
    void aRosterArrivingLaterMatchesRespondentsByAlternateEmail() {
        String firm = "firm-roster";
        String session = Fixtures.session(json, firm);
        byte[] poll = FormsExports.poll("Is this an ethics question?")
                .response("Ann.Personal@gmail.com", "Ann A.", "Yes", LOCAL_START.plusMinutes(30))
                .xlsx();
        String pollId = Fixtures.upload(firm, session, new Part("ethics.xlsx", poll)).then().statusCode(201)
                .body("polls[0].matchedCount", equalTo(0)).extract().path("polls[0].id");

        String snapshot = java.util.UUID.randomUUID().toString();
        var ann = new io.teamscpe.contracts.session.Enrollee("lms-ann", "ann@firm.test",
                List.of("ann.personal@gmail.com"), "Ann Archer");
        Fixtures.publish(json, new io.teamscpe.contracts.session.EnrollmentChunk(session, firm, snapshot, 1, 1, 1,
                List.of(ann), java.time.Instant.now()));
        Fixtures.publish(json, new io.teamscpe.contracts.session.EnrollmentSnapshotCompleted(session, firm, snapshot,
                1, 1, 1, java.time.Instant.now()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.admin(firm))
                .get("/api/sessions/{id}/polls", session).then()
                .body("polls[0].matchedCount", equalTo(1))
                .body("polls[0].revision", equalTo(2)));
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls/respondents", session).then()
                .statusCode(200)
                .body("matched.professionalId", containsInAnyOrder("lms-ann"));
        var reconciled = Fixtures.events(session, "io.teamscpe.poll.reconciled.v1", 1).get(0);
        assertThat(EventSchemas.validate("io.teamscpe.poll.reconciled.v1", reconciled.value())).isEmpty();
        assertThat(reconciled.value()).contains(pollId).contains("ENROLLMENT_CHANGED");
        assertThat(Fixtures.events(session, "io.teamscpe.poll.responses-chunk.v1", 2))
                .anySatisfy(chunk -> assertThat(chunk.value()).contains("\"professionalId\":\"lms-ann\""));
    }

    @Test
    void anAdminMappingIsRememberedForTheFirmAndReusedInLaterSessions() {
        String firm = "firm-mapping";
        String first = Fixtures.session(json, firm);
        Fixtures.attendance(json, firm, first, List.of(attendee("oid-pat", "pat.lee@contoso.com", "Patricia Lee")));
        byte[] poll = FormsExports.poll("Q1")
                .response("pat.personal@gmail.com", "P. L.", "Yes", LOCAL_START.plusMinutes(30)).xlsx();
        Fixtures.upload(firm, first, new Part("q1.xlsx", poll)).then().statusCode(201);
        String key = given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls/respondents", first)
                .then().body("unmatched", hasSize(1)).extract().path("unmatched[0].respondentKey");
        assertThat(key).isEqualTo("email:pat.personal@gmail.com");

        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(Map.of("respondentKey", key, "professionalId", "lms-pat", "professionalEmail",
                        "pat.lee@contoso.com"))
                .post("/api/sessions/{id}/polls/respondents/mappings", first).then().statusCode(200)
                .body("pollsUpdated", equalTo(1));
        // the attendance snapshot may land after the mapping: either way the respondent ends up with both
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.admin(firm))
                .get("/api/sessions/{id}/polls/respondents", first).then()
                .body("unmatched", hasSize(0))
                .body("matched[0].professionalId", equalTo("lms-pat"))
                .body("matched[0].participantKey", equalTo("oid-pat"))
                .body("matched[0].matchMethod", equalTo("MAPPING")));
        var mapped = Fixtures.events(first, "io.teamscpe.poll.respondent-mapped.v1", 1).get(0);
        assertThat(EventSchemas.validate("io.teamscpe.poll.respondent-mapped.v1", mapped.value())).isEmpty();

        String later = Fixtures.session(json, firm);
        byte[] again = FormsExports.poll("Q2")
                .response("Pat.Personal@gmail.com", "P. L.", "No", LOCAL_START.plusMinutes(31)).xlsx();
        Fixtures.upload(firm, later, new Part("q2.xlsx", again)).then().statusCode(201)
                .body("polls[0].matchedCount", equalTo(1));
        given().auth().oauth2(Tokens.admin("firm-other")).contentType(ContentType.JSON)
                .body(Map.of("respondentKey", key, "professionalId", "x"))
                .post("/api/sessions/{id}/polls/respondents/mappings", first).then().statusCode(404);
    }
}
