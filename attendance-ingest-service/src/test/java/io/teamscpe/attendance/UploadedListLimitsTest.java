package io.teamscpe.attendance;

import static io.restassured.RestAssured.given;
import static io.teamscpe.attendance.Sessions.FIRM;
import static io.teamscpe.attendance.Sessions.refreshUntil;
import static io.teamscpe.attendance.Sessions.schedule;
import static io.teamscpe.attendance.Sessions.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.teamscpe.attendance.microsoft.teamsfile.TeamsAttendanceFileFixture;
import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an uploaded list holds is checked against what the attendance tables keep: 422 naming the line, or kept. */
@QuarkusTest
class UploadedListLimitsTest {
    static final Instant START = AttendanceUploadTest.START;
    static final Instant END = AttendanceUploadTest.END;
    static final String UPLOADS = "/api/sessions/{id}/attendance/uploads";

    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    @BeforeEach
    void scenario() {
        GraphEmulatorResource.emulator().loadScenario(DemoScenario.build());
    }

    @Test
    void cellsLongerThanTheirColumnsOrHoldingControlCharactersAreRefusedNamingTheLine() {
        String session = schedule(json, DemoScenario.MEETING_ID, START, END);
        String before = refreshUntil(session, "READY").getString("snapshotId");

        invalid(session, fixture("D".repeat(301), "ann@contoso.com", "Attendee"), "'Name' is 301 characters");
        invalid(session, fixture("Ann", "a".repeat(243) + "@contoso.com", "Attendee"), "is 255 characters long");
        invalid(session, fixture("Ann", "ann@contoso.com", "R".repeat(41)), "'Role' is 41 characters long");
        invalid(session, fixture("A\u0000nn", "ann@contoso.com", "Attendee"), "control character U+0000");
        String utf8 = fixture("Ann", "ann@contoso.com", "Attendee").text().replace("Ann", "A\u0001nn");
        invalid(session, TeamsAttendanceFileFixture.encode(utf8, StandardCharsets.UTF_8, true),
                "control character U+0001");
        assertThat(status(session).getString("snapshotId")).isEqualTo(before);
        assertThat(storedFiles(session)).isZero();

        upload(session, "attendance.csv", fixture("D".repeat(300), "a".repeat(242) + "@contoso.com",
                "R".repeat(40)).bytes()).statusCode(201).body("records", equalTo(1));
    }

    @Test
    void aFileNameAsLongAsUploadsAllowIsKeptWithTheFile() {
        String session = schedule(json, DemoScenario.MEETING_ID, START, END);
        refreshUntil(session, "READY");
        String name = "Ethics for CPAs 2026 - attendance ".repeat(15).substring(0, 496) + ".csv";
        String snapshot = upload(session, name, fixture("Ann Example", "ann@contoso.com", "Attendee").bytes())
                .statusCode(201).extract().path("snapshotId");
        assertThat(em.createNativeQuery("select file_name from attendance_snapshot_file where snapshot_id = ?1")
                .setParameter(1, snapshot).getSingleResult()).isEqualTo(name);
    }

    private void invalid(String session, TeamsAttendanceFileFixture file, String problem) {
        invalid(session, file.bytes(), problem);
    }

    private void invalid(String session, byte[] file, String problem) {
        upload(session, "attendance.csv", file).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/attendance-file-invalid"))
                .body("detail", containsString(problem))
                .body("line", greaterThan(0));
    }

    private long storedFiles(String session) {
        return ((Number) em.createNativeQuery("select count(*) from attendance_snapshot_file f join "
                + "attendance_snapshot s on s.id = f.snapshot_id where s.session_id = ?1")
                .setParameter(1, session).getSingleResult()).longValue();
    }

    private static TeamsAttendanceFileFixture fixture(String name, String email, String role) {
        return TeamsAttendanceFileFixture.of(Locale.US, ZoneId.of("America/New_York")).meeting(START, END)
                .participant(name, email, email, role, new Interval(START, END));
    }

    private static ValidatableResponse upload(String session, String fileName, byte[] file) {
        return given().auth().oauth2(Tokens.admin(FIRM)).multiPart("file", fileName, file).post(UPLOADS, session)
                .then();
    }

}
