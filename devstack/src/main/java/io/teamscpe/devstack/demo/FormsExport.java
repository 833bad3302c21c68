package io.teamscpe.devstack.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One Teams poll as Microsoft Forms exports it (Responses → Open in Excel): a sheet with {@code ID}, {@code Start
 * time}, {@code Completion time}, {@code Email}, {@code Name} and the question, shared strings, times as Excel date
 * cells in the exporter's local time, multi-select answers as {@code A;C;}.
 */
public record FormsExport(String fileName, String question, List<Response> responses) {
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> HEADERS = List.of("ID", "Start time", "Completion time", "Email", "Name");

    /** One response; Forms writes "anonymous" and no name for a respondent it could not identify. */
    public record Response(String email, String name, LocalDateTime started, LocalDateTime completed,
                           String answer) {
        public static final String ANONYMOUS = "anonymous";

        public static Response anonymous(LocalDateTime started, LocalDateTime completed, String answer) {
            return new Response(ANONYMOUS, null, started, completed, answer);
        }

        public boolean isAnonymous() {
            return ANONYMOUS.equals(email) && (name == null || name.isBlank());
        }
    }

    /** The file as an upload part. */
    public Api.Upload upload() {
        return new Api.Upload(fileName, CONTENT_TYPE, xlsx());
    }

    public byte[] xlsx() {
        // shared strings, as Forms writes them; 100 rows in memory at a time
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 100, true, true);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Sheet1");
            CellStyle time = wb.createCellStyle();
            time.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yy h:mm:ss"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
            }
            header.createCell(HEADERS.size()).setCellValue(question);
            int id = 0;
            for (Response r : responses) {
                Row row = sheet.createRow(++id);
                row.createCell(0).setCellValue(id);
                row.createCell(1).setCellValue(r.started());
                row.getCell(1).setCellStyle(time);
                row.createCell(2).setCellValue(r.completed());
                row.getCell(2).setCellStyle(time);
                text(row, 3, r.email());
                text(row, 4, r.name());
                text(row, 5, r.answer());
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Row row, int column, String value) {
        if (value != null && !value.isEmpty()) {
            row.createCell(column).setCellValue(value);
        }
    }
}
