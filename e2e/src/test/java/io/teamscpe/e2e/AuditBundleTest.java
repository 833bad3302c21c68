package io.teamscpe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.devstack.Stack;
import io.teamscpe.devstack.ZipEntries;
import io.teamscpe.devstack.demo.CreditEvent;
import io.teamscpe.devstack.demo.DemoFlow;
import io.teamscpe.devstack.demo.DemoPolls;
import io.teamscpe.devstack.demo.FormsExport;
import io.teamscpe.emulator.DemoScenario;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit bundle as an auditor downloads it after the demo session was processed, with every service's material
 * real: the raw Graph pages attendance ingestion kept, the poll files polling-service kept, and reporting's own
 * decisions and published events — each file's SHA-256 in the manifest.
 */
@ExtendWith(SharedStack.class)
class AuditBundleTest {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static Stack stack;

    @BeforeAll
    static void start() {
        stack = SharedStack.stack();
    }

    @Test
    void theBundleHoldsTheRawGraphPagesThePollFilesAndWhatWasPublished() throws Exception {
        DemoFlow.Result demo = DemoFlow.execute(stack.endpoints(), stack.emulator());
        Map<String, byte[]> files = download(demo.sessionId());

        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertThat(manifest.path("notes")).as("every source answered").isEmpty();
        assertThat(manifest.path("files")).hasSize(files.size() - 1);
        for (JsonNode entry : manifest.path("files")) {
            String path = entry.path("path").asText();
            assertThat(files).containsKey(path);
            assertThat(sha256(files.get(path))).as(path).isEqualTo(entry.path("sha256").asText());
        }

        // attendance: the snapshot the report used, with the Graph pages exactly as Graph sent them
        String snapshot = demo.completion().path("freshness").path("attendanceSnapshotId").asText();
        String dir = "attendance/snapshot-" + snapshot + "/";
        assertThat(files).as("the bundle's files: %s", files.keySet()).containsKey(dir + "snapshot.json");
        JsonNode meta = JSON.readTree(files.get(dir + "snapshot.json"));
        assertThat(meta.path("reportIds").toString()).contains(DemoScenario.REPORT_ID);
        assertThat(meta.path("participantCount").asInt()).isPositive();
        String pageSuffix = "-report-" + DemoScenario.REPORT_ID + ".json";
        List<String> pages = files.keySet().stream()
                .filter(p -> p.startsWith(dir + "graph-page-") && p.endsWith(pageSuffix)).toList();
        assertThat(pages).isNotEmpty();
        int records = 0;
        for (String page : pages) {
            JsonNode body = JSON.readTree(files.get(page));
            assertThat(body.path("@odata.context").asText()).as(page).contains("attendanceRecords");
            records += body.path("value").size();
        }
        assertThat(records).isEqualTo(demo.attendance().path("records").asInt());

        // polls: every uploaded Forms export, with a checksum file that matches its bytes
        for (FormsExport poll : DemoPolls.build()) {
            String file = files.keySet().stream()
                    .filter(p -> p.startsWith("polls/files/") && p.endsWith("-" + poll.fileName())).findFirst()
                    .orElseThrow(() -> new AssertionError("no file " + poll.fileName() + " in " + files.keySet()));
            assertThat(new String(files.get(file + ".sha256"), StandardCharsets.UTF_8))
                    .startsWith(sha256(files.get(file)) + "  " + poll.fileName());
        }

        // reporting: the decisions with their reasons, the ruleset they applied, and what went out on Kafka
        assertThat(JSON.readTree(files.get("ruleset.json")).get(0).path("rules").isObject()).isTrue();
        JsonNode decisions = JSON.readTree(files.get("completion.json"));
        assertThat(decisions.path("rows")).isNotEmpty();
        decisions.path("rows").forEach(row -> assertThat(row.path("reason").asText()).isNotBlank());
        JsonNode published = JSON.readTree(files.get("published-credit-events.json"));
        assertThat(published.findValuesAsText("type")).isNotEmpty()
                .allMatch(type -> type.startsWith("io.teamscpe.credit."));
        assertThat(published.findValuesAsText("professionalId")).containsAll(demo.published().stream()
                .map(CreditEvent::professionalId).toList());
    }

    private static Map<String, byte[]> download(String sessionId) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        stack.endpoints().reportingService() + "/api/sessions/" + sessionId + "/audit-bundle"))
                .header("Authorization", "Bearer " + DemoFlow.adminToken(stack.emulator())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        return ZipEntries.read(response.body());
    }

    private static String sha256(byte[] content) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
