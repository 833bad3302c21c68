package io.teamscpe.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LaunchApiTest {
    static final String PRO = "pro@contoso.com";

    @BeforeEach
    void demo() {
        Scenarios.demo();
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void anEnrolledProfessionalGetsTheJoinUrlFromOneHourBeforeTheStartUntilTheEnd() {
        String firm = "firm-launch";
        String session = EnrollmentApiTest.session(firm, DemoScenario.JOIN_URL); // 16:00Z = 12:00 in New York
        EnrollmentApiTest.replace(firm, session, List.of(EnrollmentApiTest.person("lms-1", PRO, "Pro@Gmail.com")));

        TestClock.set(Instant.parse("2026-10-05T14:59:59Z"));
        launch(firm, PRO, session).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/launch-not-open"))
                .body("opensAt", equalTo("2026-10-05T15:00:00Z"))
                .body("detail", containsString("Monday 5 October 2026 at 11:00 (America/New_York)"));
        TestClock.set(Instant.parse("2026-10-05T15:00:00Z"));
        launch(firm, PRO, session).statusCode(200).body("joinUrl", equalTo(DemoScenario.JOIN_URL))
                .body("closesAt", equalTo("2026-10-05T17:40:00Z"));
        launch(firm, "pro@gmail.com", session).statusCode(200).body("joinUrl", equalTo(DemoScenario.JOIN_URL));
        launch(firm, "someone.else@contoso.com", session).statusCode(403)
                .body("type", equalTo("https://teamscpe.io/problems/not-enrolled"))
                .body("detail", not(containsString("Ethics")));
        launch("firm-other", PRO, session).statusCode(404);

        TestClock.set(Instant.parse("2026-10-05T17:40:00Z"));
        launch(firm, PRO, session).statusCode(409).body("type", equalTo("https://teamscpe.io/problems/launch-closed"));

        TestClock.set(Instant.parse("2026-09-01T00:00:00Z"));
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/launch", session).then().statusCode(200)
                .body("joinUrl", equalTo(DemoScenario.JOIN_URL));

        given().auth().oauth2(Tokens.admin(firm)).delete("/api/sessions/{id}", session).then().statusCode(200);
        TestClock.set(Instant.parse("2026-10-05T15:30:00Z"));
        launch(firm, PRO, session).statusCode(410)
                .body("type", equalTo("https://teamscpe.io/problems/session-cancelled"));
    }

    @Test
    void theLaunchDayIsCountedInTheSessionsZoneOnTheDayDstEnds() {
        String firm = "firm-launch-dst";
        // 00:30 EDT on 2026-11-01, New York's 25-hour day: launch opens at local midnight (04:00Z), not at 23:30
        // the day before
        String early = session(firm, DemoScenario.JOIN_URL, "2026-11-01T04:30:00Z", "2026-11-01T06:00:00Z");
        // 01:30 EST, the second 01:30 of that day: launch opens one real hour earlier, at 01:30 EDT (05:30Z)
        String late = session(firm, DemoScenario.RECURRING_JOIN_URL, "2026-11-01T06:30:00Z", "2026-11-01T08:00:00Z");
        EnrollmentApiTest.replace(firm, early, List.of(EnrollmentApiTest.person("lms-1", PRO)));
        EnrollmentApiTest.replace(firm, late, List.of(EnrollmentApiTest.person("lms-1", PRO)));

        TestClock.set(Instant.parse("2026-11-01T03:59:59Z"));
        launch(firm, PRO, early).statusCode(409).body("opensAt", equalTo("2026-11-01T04:00:00Z"));
        TestClock.set(Instant.parse("2026-11-01T04:00:00Z"));
        launch(firm, PRO, early).statusCode(200);

        TestClock.set(Instant.parse("2026-11-01T05:29:59Z"));
        launch(firm, PRO, late).statusCode(409).body("opensAt", equalTo("2026-11-01T05:30:00Z"))
                .body("detail", containsString("at 01:30 (America/New_York)"));
        TestClock.set(Instant.parse("2026-11-01T05:30:00Z"));
        launch(firm, PRO, late).statusCode(200).body("joinUrl", equalTo(DemoScenario.RECURRING_JOIN_URL));
    }

    @Test
    void aProfessionalWhoIsNotEnrolledLearnsNeitherTheTitleNorWhetherTheSessionWasCancelled() {
        String firm = "firm-launch-quiet";
        Map<String, Object> body = SessionApiTest.body(DemoScenario.JOIN_URL);
        body.put("title", "Confidential: partner merger briefing");
        String session = given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(body)
                .post("/api/sessions").then().statusCode(201).extract().path("id");
        EnrollmentApiTest.replace(firm, session, List.of(EnrollmentApiTest.person("lms-1", PRO)));
        TestClock.set(Instant.parse("2026-10-05T15:30:00Z"));

        String notEnrolled = "You are not enrolled in this session under someone.else@contoso.com. Enroll through "
                + "your learning portal, or ask your CPE administrator to add this email to your enrollment.";
        launch(firm, "someone.else@contoso.com", session).statusCode(403)
                .body("type", equalTo("https://teamscpe.io/problems/not-enrolled"))
                .body("detail", equalTo(notEnrolled));

        given().auth().oauth2(Tokens.admin(firm)).delete("/api/sessions/{id}", session).then().statusCode(200);
        launch(firm, "someone.else@contoso.com", session).statusCode(403)
                .body("type", equalTo("https://teamscpe.io/problems/not-enrolled"))
                .body("detail", equalTo(notEnrolled));
        launch(firm, PRO, session).statusCode(410)
                .body("type", equalTo("https://teamscpe.io/problems/session-cancelled"));
        launch(firm, "someone.else@contoso.com", UUID.randomUUID().toString()).statusCode(404)
                .body("type", equalTo("https://teamscpe.io/problems/not-found"));
    }

    private static String session(String firm, String joinUrl, String start, String end) {
        Map<String, Object> body = SessionApiTest.body(joinUrl);
        body.put("scheduledStart", start);
        body.put("scheduledEnd", end);
        return given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(body)
                .post("/api/sessions").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse launch(String firm, String email, String session) {
        return given().auth().oauth2(Tokens.professional(firm, email)).get("/api/sessions/{id}/launch", session)
                .then();
    }
}
