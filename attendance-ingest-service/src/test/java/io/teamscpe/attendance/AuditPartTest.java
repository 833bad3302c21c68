package io.teamscpe.attendance;

import static io.restassured.RestAssured.given;
import static io.teamscpe.attendance.Sessions.FIRM;
import static io.teamscpe.attendance.Sessions.refreshUntil;
import static io.teamscpe.attendance.Sessions.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.teamscpe.devstack.ZipEntries;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** This service's part of the audit bundle, as reporting-service fetches it with its service token. */
@QuarkusTest
class AuditPartTest {
    @Inject
    ObjectMapper json;

    @Test
    void theSnapshotComesWithEveryGraphPageVerbatimInAWholeZip() throws IOException {
        GraphEmulatorResource.emulator().loadScenario(DemoScenario.build());
        String session = schedule(json, DemoScenario.MEETING_ID, DemoScenario.MEETING_START, DemoScenario.MEETING_END);
        JsonPath job = refreshUntil(session, "READY");

        byte[] part = given().auth().oauth2(Tokens.service()).queryParam("firmId", FIRM)
                .get("/internal/audit/sessions/{id}", session).then().statusCode(200).contentType("application/zip")
                .extract().asByteArray();
        Path file = Files.createTempFile("attendance-part-", ".zip");
        Files.write(file, part);
        try (ZipFile whole = new ZipFile(file.toFile())) {
            assertThat(whole.size()).isGreaterThan(1);
        } finally {
            Files.delete(file);
        }
        Map<String, byte[]> files = ZipEntries.read(part);
        String dir = "snapshot-" + job.getString("snapshotId") + "/";
        JsonNode meta = json.readTree(files.get(dir + "snapshot.json"));
        assertThat(Instant.parse(meta.path("fetchedAt").asText())).isBefore(Instant.now());
        assertThat(meta.path("reportIds").toString()).contains(DemoScenario.REPORT_ID);
        int records = 0;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (f.getKey().startsWith(dir + "graph-page-")) {
                records += json.readTree(f.getValue()).path("value").size();
            }
        }
        assertThat(records).isEqualTo(DemoScenario.RECORD_COUNT);

        given().auth().oauth2(Tokens.service()).queryParam("firmId", "firm-else")
                .get("/internal/audit/sessions/{id}", session).then().statusCode(404);
        given().auth().oauth2(Tokens.admin(FIRM)).queryParam("firmId", FIRM)
                .get("/internal/audit/sessions/{id}", session).then().statusCode(403);
    }
}
