package io.teamscpe.polling;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes Microsoft Forms poll exports the way Forms does (shared strings, Excel date cells), or with the variations
 * real files show: text dates, reordered and extra columns, anonymous rows, multi-select cells.
 */
public final class FormsExports {
    public static final String QUESTION = "<question>";
    private static final DateTimeFormatter US_TEXT = DateTimeFormatter.ofPattern("M/d/yy h:mm:ss a", Locale.US);

    private final String question;
    private List<String> columns = List.of("ID", "Start time", "Completion time", "Email", "Name", QUESTION);
    private final List<Object[]> rows = new ArrayList<>();
    private boolean textDates;

    private FormsExports(String question) {
        this.question = question;
    }

    public static FormsExports poll(String question) {
        return new FormsExports(question);
    }

    /** Header order; {@link #QUESTION} stands for the question column, other unknown names are extra columns. */
    public FormsExports columns(String... names) {
        columns = List.of(names);
        return this;
    }

    public FormsExports textDates() {
        textDates = true;
        return this;
    }

    /** One response; {@code completed} is one minute after {@code started}. */
    public FormsExports response(String email, String name, String answer, LocalDateTime started) {
        rows.add(new Object[]{String.valueOf(rows.size() + 1), started, started.plusMinutes(1), email, name, answer});
        return this;
    }

    public byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out);
        return out.toByteArray();
    }

    public void write(OutputStream out) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, true)) {
            Sheet sheet = wb.createSheet("Sheet1");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yy h:mm:ss"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(QUESTION.equals(columns.get(c)) ? question : columns.get(c));
            }
            int r = 1;
            for (Object[] values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < columns.size(); c++) {
                    cell(row.createCell(c), columns.get(c), values, dateStyle);
                }
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void cell(Cell cell, String column, Object[] v, CellStyle dateStyle) {
        switch (column) {
            case "ID":
                cell.setCellValue(Double.parseDouble((String) v[0]));
                break;
            case "Start time":
            case "Last modified time":
                time(cell, (LocalDateTime) v[1], dateStyle);
                break;
            case "Completion time":
                time(cell, (LocalDateTime) v[2], dateStyle);
                break;
            case "Email":
                text(cell, (String) v[3]);
                break;
            case "Name":
                text(cell, (String) v[4]);
                break;
            case QUESTION:
                text(cell, (String) v[5]);
                break;
            default:
                cell.setCellValue("extra " + v[0]);
        }
    }

    private void time(Cell cell, LocalDateTime t, CellStyle dateStyle) {
        if (textDates) {
            cell.setCellValue(US_TEXT.format(t));
        } else {
            cell.setCellValue(t);
            cell.setCellStyle(dateStyle);
        }
    }

    private static void text(Cell cell, String value) {
        if (value != null) {
            cell.setCellValue(value);
        }
    }

    /** A workbook of the given sheet name with nothing on it but {@code headers}. */
    public static byte[] headersOnly(String... headers) {
        try (Workbook wb = new SXSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = wb.createSheet("Sheet1").createRow(0);
            for (int c = 0; c < headers.length; c++) {
                row.createCell(c).setCellValue(headers[c]);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
