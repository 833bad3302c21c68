package io.teamscpe.polling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.polling.Fixtures.Part;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Time cells no Forms export holds (not a number, infinite, centuries away) refuse the file with the row and the
 * column, instead of a 500 or a response dated 1970 or 10113.
 */
@QuarkusTest
class PollTimeCellsTest {
    private static final String P = "https://teamscpe.io/problems/";
    private static final String GOOD_START = "10/5/26 12:05:00 PM";
    private static final String GOOD_END = "10/5/26 12:06:00 PM";

    @Inject
    ObjectMapper json;

    @Test
    void timesThatAreNotPlausibleDatesRejectTheUploadNamingFileRowAndColumn() {
        String firm = "firm-time-cells";
        String session = Fixtures.session(json, firm);
        Map<String, String[]> bad = Map.of(
                "nan.xlsx", new String[]{"Start time", number("NaN")},
                "infinity.xlsx", new String[]{"Start time", number("Infinity")},
                "1e20.xlsx", new String[]{"Completion time", number("1e20")},
                "year-10113.xlsx", new String[]{"Start time", number("3e6")},
                "year-999999999.xlsx", new String[]{"Completion time", text("10/5/999999999 12:06:00 PM")});
        List<Part> parts = new java.util.ArrayList<>();
        parts.add(new Part("good.xlsx", PollRejectionTest.good()));
        bad.forEach((name, cell) -> parts.add(new Part(name, export(cell[0], cell[1]))));

        List<Map<String, Object>> files = Fixtures.upload(firm, session, parts.toArray(Part[]::new))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(P + "poll-upload-rejected"))
                .body("files", hasSize(6))
                .extract().jsonPath().getList("files");
        for (Map<String, Object> f : files) {
            String name = (String) f.get("fileName");
            if (name.equals("good.xlsx")) {
                assertThat(f.get("status")).isEqualTo("OK");
                continue;
            }
            String column = bad.get(name)[0];
            assertThat(f).as(name).containsEntry("status", "REJECTED")
                    .containsEntry("type", P + "poll-file-bad-time")
                    .containsEntry("row", 3)
                    .containsEntry("column", column);
            assertThat((String) f.get("found")).as(name).contains("row 3").contains("'" + column + "'");
            assertThat((String) f.get("detail")).as(name).contains("row 3").contains("2000").contains("2100");
        }
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls", session).then().statusCode(200)
                .body("polls", hasSize(0));
    }

    @Test
    void aReplacementWithAnImpossibleTimeIsRefusedAndThePollKeepsItsFile() {
        String firm = "firm-time-cells-replace";
        String session = Fixtures.session(json, firm);
        String pollId = Fixtures.upload(firm, session, new Part("poll.xlsx", PollRejectionTest.good())).then()
                .statusCode(201).extract().path("polls[0].id");
        given().auth().oauth2(Tokens.admin(firm))
                .multiPart("file", "poll-fixed.xlsx", export("Start time", number("NaN")), Fixtures.XLSX)
                .put("/api/sessions/{id}/polls/{pollId}", session, pollId).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(P + "poll-file-bad-time"))
                .body("fileName", equalTo("poll-fixed.xlsx"))
                .body("row", equalTo(3)).body("column", equalTo("Start time"));
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls/{pollId}", session, pollId).then()
                .statusCode(200).body("poll.revision", equalTo(1)).body("files", hasSize(1));
    }

    /** A numeric cell (no type: Excel's serial days) holding {@code value} as written. */
    private static String number(String value) {
        return "<v>" + value + "</v>";
    }

    private static String text(String value) {
        return "<is><t>" + value + "</t></is>";
    }

    /**
     * A real export whose sheet has a good response in row 2 and, in row 3, {@code cell} in {@code column} (the
     * other time column of row 3 is good).
     */
    static byte[] export(String column, String cell) {
        String[] headers = {"ID", "Start time", "Completion time", "Email", "Name", "Is revenue recognised?"};
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">");
        for (int c = 0; c < headers.length; c++) {
            sheet.append(cell("ABCDEF".charAt(c) + "1", text(headers[c])));
        }
        sheet.append("</row>");
        row(sheet, 2, text(GOOD_START), text(GOOD_END), "a@contoso.com", "A", "Yes");
        row(sheet, 3, column.equals("Start time") ? cell : text(GOOD_START),
                column.equals("Completion time") ? cell : text(GOOD_END), "b@contoso.com", "B", "No");
        sheet.append("</sheetData></worksheet>");
        return BadFiles.withSheet(PollRejectionTest.good(), sheet.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void row(StringBuilder sheet, int r, String start, String end, String email, String name,
                            String answer) {
        sheet.append("<row r=\"").append(r).append("\">").append("<c r=\"A").append(r).append("\"><v>").append(r - 1)
                .append("</v></c>").append(cell("B" + r, start)).append(cell("C" + r, end))
                .append(cell("D" + r, text(email))).append(cell("E" + r, text(name)))
                .append(cell("F" + r, text(answer))).append("</row>");
    }

    private static String cell(String ref, String content) {
        return "<c r=\"" + ref + "\"" + (content.startsWith("<is>") ? " t=\"inlineStr\"" : "") + ">" + content
                + "</c>";
    }
}
