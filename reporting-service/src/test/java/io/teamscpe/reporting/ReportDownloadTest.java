package io.teamscpe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.devstack.quarkus.Tokens;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** An admin downloads the Raw Data and Completion reports as spreadsheets and opens them. */
@QuarkusTest
class ReportDownloadTest {
    static final String FIRM = "firm-downloads";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Feed.START (16:00 UTC on 5 October 2026) in the session's zone, New York (EDT). */
    static final LocalDateTime START_NEW_YORK = LocalDateTime.of(2026, 10, 5, 12, 0);

    @Inject
    ObjectMapper json;

    @Test
    void rawDataAndCompletionOpenAsTypedSpreadsheets() throws IOException {
        Feed feed = new Feed(FIRM, json);
        feed.session();
        feed.roster(new Enrollee("ann", "ann@firm.test", List.of(), "Ann Archer"),
                new Enrollee("bob", "bob@firm.test", List.of(), "Bob Baker"));
        feed.attendee("oid-ann", "ann@firm.test", "Ann Archer", false, new int[] {0, 60}, new int[] {30, 100});
        String snapshot = feed.publishAttendance();
        for (int p = 1; p <= 6; p++) {
            feed.poll(pollId(feed, p), p * 14, Feed.answer("a" + p, "ann@firm.test", "Ann Archer", p * 14));
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath report = given().auth().oauth2(Tokens.admin(FIRM))
                    .get("/api/sessions/{id}/completion", feed.sessionId).then().statusCode(200)
                    .contentType("application/json").extract().jsonPath();
            assertThat(report.getString("freshness.attendanceSnapshotId")).isEqualTo(snapshot);
            assertThat(report.getInt("freshness.pollsIncluded")).isEqualTo(6);
        });

        try (Workbook raw = download(feed, "raw-data", feed.sessionId + "-raw-data.xlsx")) {
            Sheet sheet = raw.getSheet("Raw Data");
            List<String> header = new ArrayList<>(List.of("participant_id", "display_name", "email",
                    "match_status", "first_join", "last_leave", "intervals", "total_minutes"));
            for (int p = 1; p <= 6; p++) {
                String question = "Question " + pollId(feed, p);
                header.addAll(List.of(question, question + " – answered at"));
            }
            header.addAll(List.of("attendance", "match_method", "mapped_attendees"));
            assertHeader(raw, sheet, header);
            Row ann = row(sheet, "ann");
            assertThat(ann.getCell(3).getStringCellValue()).isEqualTo("ENROLLED");
            assertThat(date(ann.getCell(4))).isEqualTo(START_NEW_YORK);
            assertThat(date(ann.getCell(5))).isEqualTo(START_NEW_YORK.plusMinutes(100));
            assertThat(number(ann.getCell(7))).isEqualTo(100);
            assertThat(ann.getCell(8).getStringCellValue()).isEqualTo("[\"A\"]");
            assertThat(date(ann.getCell(9))).isEqualTo(START_NEW_YORK.plusMinutes(14));
            Row bob = row(sheet, "bob");
            assertThat(number(bob.getCell(7))).isZero();
            assertThat(bob.getCell(8).getStringCellValue()).isEqualTo("no response");
            assertThat(bob.getCell(20).getStringCellValue()).isEqualTo("no-show: never joined the meeting");
            assertThat(ann.getCell(20).getStringCellValue()).isEqualTo("present");
            Map<String, String> about = about(raw);
            assertThat(about).containsEntry("Session", feed.sessionId).containsEntry("Attendance snapshot", snapshot)
                    .containsEntry("Time zone", "America/New_York").containsEntry("Polls", "6");
            assertThat(about.get("Poll " + pollId(feed, 1)))
                    .startsWith("Question " + pollId(feed, 1) + " (counts); file " + pollId(feed, 1) + ".xlsx");
            assertThat(about.get("Note")).contains("Breakout-room time is not available");
        }

        try (Workbook completion = download(feed, "completion", feed.sessionId + "-completion.xlsx")) {
            Sheet sheet = completion.getSheet("Completion");
            assertHeader(completion, sheet, List.of("participant_id", "display_name", "email", "match_status",
                    "minutes_present", "polls_answered", "polls_presented", "suggested_credit", "reason",
                    "override_credit", "override_reason", "override_by", "final_credit", "credit_type", "ruleset",
                    "ruleset_version", "attendance", "match_method", "mapped_attendees"));
            Row ann = row(sheet, "ann");
            assertThat(number(ann.getCell(4))).isEqualTo(100);
            assertThat(number(ann.getCell(5))).isEqualTo(6);
            assertThat(number(ann.getCell(6))).isEqualTo(6);
            assertThat(number(ann.getCell(7))).isEqualTo(2.0);
            assertThat(ann.getCell(8).getStringCellValue()).startsWith("2 credits: present 100 min")
                    .contains("answered 6 of 6 polls");
            assertThat(ann.getCell(9)).isNull();
            assertThat(number(ann.getCell(12))).isEqualTo(2.0);
            assertThat(ann.getCell(13).getStringCellValue()).isEqualTo("CPE");
            assertThat(ann.getCell(14).getStringCellValue()).isEqualTo(Feed.RULESET);
            assertThat(number(row(sheet, "bob").getCell(12))).isZero();
            assertThat(row(sheet, "bob").getCell(16).getStringCellValue())
                    .isEqualTo("no-show: never joined the meeting");
            Map<String, String> about = about(completion);
            assertThat(about).containsEntry("Session", feed.sessionId).containsEntry("Attendance snapshot", snapshot)
                    .containsEntry("Ruleset", Feed.RULESET).containsEntry("Ruleset version", "1")
                    .containsEntry("Credit types", "CPE: " + Feed.RULESET + " v1, at most 2 credits")
                    .containsEntry("Polls counted", "6").containsEntry("Polls excluded", "0")
                    .containsEntry("Enrolled", "2").containsEntry("Scheduled start", "2026-10-05 12:00:00");
            assertThat(about.get("Note")).contains("Breakout-room time is not available");
        }
    }

    /** Poll ids are unique across sessions, as polling-service's are. */
    /** The LMS polls the report: gzip when it asks for it, and 304 while the report has not changed. */
    @Test
    void completionIsSentCompressedAndNotResentWhileUnchanged() throws Exception {
        Feed feed = new Feed(FIRM, json);
        feed.session();
        feed.roster(new Enrollee("cy", "cy@firm.test", List.of(), "Cy Cole"));
        feed.attendee("oid-cy", "cy@firm.test", "Cy Cole", false, new int[] {0, 50});
        String first = feed.publishAttendance();
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/sessions/" + feed.sessionId
                + "/completion");
        String token = "Bearer " + Tokens.admin(FIRM);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> plain = Awaitility.await().atMost(Duration.ofSeconds(60)).until(
                () -> http.send(get(uri, token).build(), HttpResponse.BodyHandlers.ofString()),
                r -> r.statusCode() == 200 && r.body().contains(first));
        String etag = plain.headers().firstValue("ETag").orElseThrow();
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();

        HttpResponse<byte[]> zipped = http.send(get(uri, token).header("Accept-Encoding", "gzip, deflate").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(zipped.headers().firstValue("ETag")).hasValue(etag);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.body());
        }
        assertThat(zipped.body().length).isLessThan(plain.body().getBytes(StandardCharsets.UTF_8).length);

        HttpResponse<String> unchanged = http.send(get(uri, token).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        feed.attendee("oid-cy", "cy@firm.test", "Cy Cole", false, new int[] {0, 100});
        String second = feed.publishAttendance();
        HttpResponse<String> changed = Awaitility.await().atMost(Duration.ofSeconds(60)).until(
                () -> http.send(get(uri, token).header("If-None-Match", etag).build(),
                        HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() == 200);
        assertThat(changed.body()).contains(second);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    }

    private static HttpRequest.Builder get(URI uri, String token) {
        return HttpRequest.newBuilder(uri).header("Authorization", token).GET();
    }

    private static String pollId(Feed feed, int p) {
        return "poll-" + p + "-" + feed.sessionId;
    }

    private static Workbook download(Feed feed, String report, String fileName) throws IOException {
        byte[] body = given().auth().oauth2(Tokens.admin(FIRM)).accept(XLSX)
                .get("/api/sessions/{id}/" + report, feed.sessionId).then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .extract().asByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(body));
    }

    private static void assertHeader(Workbook workbook, Sheet sheet, List<String> expected) {
        Row header = sheet.getRow(0);
        List<String> names = new ArrayList<>();
        header.forEach(cell -> names.add(cell.getStringCellValue()));
        assertThat(names).containsExactlyElementsOf(expected);
        assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
    }

    private static Row row(Sheet sheet, String participantId) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && participantId.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + participantId + " in sheet " + sheet.getSheetName());
    }

    private static LocalDateTime date(Cell cell) {
        assertThat(DateUtil.isCellDateFormatted(cell)).as("a date cell").isTrue();
        return cell.getLocalDateTimeCellValue();
    }

    private static double number(Cell cell) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        return cell.getNumericCellValue();
    }

    /** The About sheet as its labels and values, formatted as a spreadsheet shows them. */
    private static Map<String, String> about(Workbook workbook) {
        DataFormatter shown = new DataFormatter();
        Map<String, String> about = new HashMap<>();
        for (Row row : workbook.getSheet("About")) {
            if (row.getRowNum() > 0) {
                about.put(row.getCell(0).getStringCellValue(), shown.formatCellValue(row.getCell(1)));
            }
        }
        return about;
    }
}
