package io.teamscpe.attendance;

import static io.restassured.RestAssured.given;
import static io.teamscpe.attendance.Sessions.FIRM;
import static io.teamscpe.attendance.Sessions.schedule;
import static io.teamscpe.attendance.Sessions.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Careless or hostile upload requests answer 4xx problems and store nothing. */
@QuarkusTest
class UploadRequestsTest {
    static final String P = "https://teamscpe.io/problems/";
    static final Instant START = Instant.parse("2026-10-05T16:00:00Z");
    static final Instant END = Instant.parse("2026-10-05T17:40:00Z");
    static final byte[] SOME_FILE = "Meeting Summary\n".getBytes(StandardCharsets.UTF_16LE);

    @Inject
    ObjectMapper json;

    @BeforeEach
    void scenario() {
        GraphEmulatorResource.emulator().loadScenario(DemoScenario.build());
    }

    @Test
    void aMultipartBodyWithoutPartsIsA400() {
        String session = schedule(json, DemoScenario.MEETING_ID, START, END);
        for (String body : new String[] {"--x--\r\n", "--x--", ""}) {
            given().auth().oauth2(Tokens.admin(FIRM))
                    .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                            .encodeContentTypeAs("multipart/form-data", ContentType.TEXT)))
                    .contentType("multipart/form-data; boundary=x").body(body)
                    .post("/api/sessions/{id}/attendance/uploads", session).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aBrokenPartHeaderIsA400() {
        String session = schedule(json, DemoScenario.MEETING_ID, START, END);
        // a raw line break inside the file name: the next header line has no colon
        String body = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\r\nb.csv\"\r\n\r\n"
                + "Meeting Summary\r\n--x--\r\n";
        given().auth().oauth2(Tokens.admin(FIRM))
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .encodeContentTypeAs("multipart/form-data", ContentType.TEXT)))
                .contentType("multipart/form-data; boundary=x").body(body)
                .post("/api/sessions/{id}/attendance/uploads", session).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(P + "malformed-upload"));
    }

    @Test
    void anUnusableFileNameIsRefusedAndNothingIsStored() {
        String session = schedule(json, DemoScenario.MEETING_ID, START, END);
        String before = status(session).getString("snapshotId");
        for (String name : new String[] {"a".repeat(501) + ".csv", "attend\u0007ance.csv"}) {
            given().auth().oauth2(Tokens.admin(FIRM)).multiPart("file", name, SOME_FILE)
                    .post("/api/sessions/{id}/attendance/uploads", session).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo(P + "attendance-file-bad-name"))
                    .body("detail", containsString("nothing was stored"));
        }
        assertThat(status(session).getString("snapshotId")).isEqualTo(before);
    }

    @Test
    void withoutATokenAWrongContentTypeIsA401() {
        given().contentType(ContentType.JSON).body("{}").post("/api/sessions/{id}/attendance/uploads", "s-1")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
