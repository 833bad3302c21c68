package io.teamscpe.attendance;

import static io.restassured.RestAssured.given;
import static io.teamscpe.attendance.Sessions.FIRM;
import static io.teamscpe.attendance.Sessions.participantsOf;
import static io.teamscpe.attendance.Sessions.refreshUntil;
import static io.teamscpe.attendance.Sessions.schedule;
import static io.teamscpe.attendance.Sessions.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.teamscpe.attendance.microsoft.teamsfile.TeamsAttendanceFileFixture;
import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The manual fallback: a Teams attendance list uploaded through REST becomes a snapshot like a Graph fetch. */
@QuarkusTest
class AttendanceUploadTest {
    static final Instant START = Instant.parse("2026-10-05T16:00:00Z");
    static final Instant END = Instant.parse("2026-10-05T17:40:00Z");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    @BeforeEach
    void scenario() {
        GraphEmulatorResource.emulator().loadScenario(DemoScenario.build());
    }

    @Test
    void anUploadedListBecomesASnapshotWithUploadAsItsSourceAndTheFileKept() {
        String session = schedule(json, DemoScenario.MEETING_ID, START, END);
        byte[] file = fixture().bytes();

        JsonPath job = upload(session, file).statusCode(201).extract().jsonPath();
        assertThat(job.getString("state")).isEqualTo("READY");
        assertThat(job.getString("detail")).contains("3 participants", "uploaded Teams attendance file");
        String snapshot = job.getString("snapshotId");

        List<JsonPath> participants = participantsOf(session, snapshot);
        assertThat(participants).hasSize(3);
        JsonPath frederick = participants.stream()
                .filter(p -> "frederick.cormier@contoso.com".equals(p.getString("participant.email")))
                .findFirst().orElseThrow();
        assertThat(frederick.getList("intervals.joined")).containsExactly("2026-10-05T15:58:52Z",
                "2026-10-05T16:43:10Z");
        assertThat(frederick.getList("intervals.left")).containsExactly("2026-10-05T16:40:47Z",
                "2026-10-05T17:41:40Z");
        assertThat(participants).anySatisfy(p -> {
            assertThat(p.getString("participant.email")).isNull();
            assertThat(p.getList("participant.flags")).contains("NO_EMAIL");
        });
        assertThat(Sessions.completedSnapshots(session, 1).get(0).value()).contains("\"source\":\"upload\"");
        Object[] kept = (Object[]) em.createNativeQuery("select file_name, size_bytes from attendance_snapshot_file "
                + "where snapshot_id = ?1").setParameter(1, snapshot).getSingleResult();
        assertThat(kept[0]).isEqualTo("attendance.csv");
        assertThat(((Number) kept[1]).intValue()).isEqualTo(file.length);

        JsonPath again = upload(session, file).statusCode(201).extract().jsonPath();
        assertThat(again.getString("detail")).startsWith("Unchanged");
        assertThat(again.getString("snapshotId")).isEqualTo(snapshot);
    }

    @Test
    void aMalformedListIsRefusedNamingTheLineAndTheCurrentSnapshotStays() {
        String session = schedule(json, DemoScenario.MEETING_ID, START, END);
        String before = refreshUntil(session, "READY").getString("snapshotId");
        String text = fixture().text().replace("10/5/26, 12:43:10 PM", "10/45/26, 12:43:10 PM");

        JsonPath problem = upload(session, TeamsAttendanceFileFixture.encode(text,
                java.nio.charset.StandardCharsets.UTF_16LE, true)).statusCode(422)
                .contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getString("type")).endsWith("/attendance-file-invalid");
        assertThat(problem.getInt("line")).isPositive();
        assertThat(problem.getString("detail")).contains("line " + problem.getInt("line"));
        assertThat(status(session).getString("snapshotId")).isEqualTo(before);
    }

    @Test
    void anotherFirmsSessionIsNotFound() {
        String session = schedule(json, DemoScenario.MEETING_ID, START, END);
        given().auth().oauth2(Tokens.admin("firm-else")).multiPart("file", "attendance.csv", fixture().bytes())
                .post("/api/sessions/{id}/attendance/uploads", session)
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static TeamsAttendanceFileFixture fixture() {
        return TeamsAttendanceFileFixture.of(Locale.US, NEW_YORK).meeting(START, END)
                .participant("Frederick Cormier", "frederick.cormier@contoso.com", "frederick.cormier@contoso.com",
                        "Attendee", new Interval(Instant.parse("2026-10-05T15:58:52Z"),
                                Instant.parse("2026-10-05T16:40:47Z")),
                        new Interval(Instant.parse("2026-10-05T16:43:10Z"), Instant.parse("2026-10-05T17:41:40Z")))
                .participant("Dana Whitaker", "dana.whitaker@contoso.com", "dana.whitaker@contoso.com", "Organizer",
                        new Interval(START.minusSeconds(300), END))
                .participant("Guest Speaker (Guest)", null, null, "Presenter",
                        new Interval(START.plusSeconds(600), START.plusSeconds(3000)));
    }

    private static ValidatableResponse upload(String session, byte[] file) {
        return given().auth().oauth2(Tokens.admin(FIRM)).multiPart("file", "attendance.csv", file)
                .post("/api/sessions/{id}/attendance/uploads", session).then();
    }
}
