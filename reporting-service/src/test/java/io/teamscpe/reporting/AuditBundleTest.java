package io.teamscpe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.devstack.ZipEntries;
import io.teamscpe.devstack.quarkus.Tokens;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The auditor's zip: decisions with reasons, overrides, what was published, each file checkable by its hash. */
@QuarkusTest
class AuditBundleTest {
    static final String FIRM = "firm-audit";

    @Inject
    ObjectMapper json;

    @Test
    void theBundleHoldsDecisionsOverridesAndPublishedCreditWithAManifestOfHashes() throws Exception {
        Feed feed = new Feed(FIRM, json);
        feed.session();
        feed.roster(new Enrollee("ann", "ann@firm.test", List.of(), "Ann Archer"),
                new Enrollee("bob", "bob@firm.test", List.of(), "Bob Baker"));
        feed.attendee("oid-ann", "ann@firm.test", "Ann Archer", false, new int[] {0, 100});
        feed.attendee("oid-bob", "bob@firm.test", "Bob Baker", false, new int[] {0, 40});
        feed.publishAttendance();
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth()
                .oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion", feed.sessionId).then()
                .statusCode(200).body("rows.size()", org.hamcrest.Matchers.equalTo(2)));
        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON)
                .body(Map.of("credit", 1.0, "reason", "Joined by phone: documented audio-only attendance"))
                .put("/api/sessions/{id}/completion/bob", feed.sessionId).then().statusCode(200);
        given().auth().oauth2(Tokens.admin(FIRM)).post("/api/sessions/{id}/process", feed.sessionId)
                .then().statusCode(200);

        byte[] zip = given().auth().oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/audit-bundle", feed.sessionId)
                .then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(".zip"))
                .extract().asByteArray();
        Map<String, byte[]> files = ZipEntries.read(zip);

        assertThat(files).containsKeys("manifest.json", "completion.json", "session.json", "ruleset.json",
                "overrides.json", "processing-runs.json", "published-credit-events.json");
        assertThat(text(files, "completion.json")).contains("\"reason\"", "Ann Archer");
        assertThat(text(files, "overrides.json")).contains("documented audio-only attendance", "admin@" + FIRM);
        JsonNode published = json.readTree(files.get("published-credit-events.json"));
        assertThat(published).hasSize(2);
        assertThat(published.findValuesAsText("type")).containsOnly("io.teamscpe.credit.awarded.v2");
        JsonNode manifest = json.readTree(files.get("manifest.json"));
        assertThat(manifest.get("sessionId").asText()).isEqualTo(feed.sessionId);
        assertThat(manifest.get("notes").toString()).contains("attendance-ingest-service", "polling-service");
        for (JsonNode entry : manifest.get("files")) {
            byte[] content = files.get(entry.get("path").asText());
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
                    .as(entry.get("path").asText()).isEqualTo(entry.get("sha256").asText());
        }
        assertThat(manifest.get("files")).hasSize(files.size() - 1);

        given().auth().oauth2(Tokens.admin("firm-else")).get("/api/sessions/{id}/audit-bundle", feed.sessionId)
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static String text(Map<String, byte[]> files, String name) {
        return new String(files.get(name), java.nio.charset.StandardCharsets.UTF_8);
    }
}
