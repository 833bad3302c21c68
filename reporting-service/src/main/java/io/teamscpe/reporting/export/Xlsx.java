package io.teamscpe.reporting.export;

import io.teamscpe.reporting.export.Table.Fact;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A table as an XLSX workbook: the report's sheet (bold, frozen header with filters; numbers as numbers, times as
 * dates in the session's zone) and an About sheet. Streaming: SXSSF keeps a window of rows in memory and the rest
 * in a temporary file, so a 10,000-row report needs no more heap than a 100-row one.
 */
public final class Xlsx {
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int ROWS_IN_MEMORY = 100;
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private Xlsx() {
    }

    public static void write(Table table, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        workbook.setCompressTempFiles(true);
        try {
            Styles styles = new Styles(workbook);
            SXSSFSheet sheet = workbook.createSheet(table.title());
            header(sheet, table.header(), styles);
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<Object> cells : table.rows()) {
                row(sheet.createRow(r++), cells, table, styles);
            }
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 1), 0, table.header().size() - 1));
            widths(sheet, table);

            SXSSFSheet about = workbook.createSheet("About");
            header(about, List.of("What", "Value"), styles);
            about.createFreezePane(0, 1);
            r = 1;
            for (Fact fact : table.about()) {
                row(about.createRow(r++), Arrays.asList(fact.label(), fact.value()), table, styles);
            }
            about.setColumnWidth(0, 24 * 256);
            about.setColumnWidth(1, 100 * 256);
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static void header(SXSSFSheet sheet, List<String> names, Styles styles) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < names.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(names.get(c));
            cell.setCellStyle(styles.header);
        }
    }

    private static void row(Row row, List<Object> values, Table table, Styles styles) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (value instanceof Instant at) {
                cell.setCellValue(LocalDateTime.ofInstant(at, table.zone()));
                cell.setCellStyle(styles.time);
            } else if (value instanceof BigDecimal credit) {
                cell.setCellValue(credit.doubleValue());
                cell.setCellStyle(styles.credit);
            } else if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                String text = value.toString();
                // a cell holds at most 32,767 characters: a longer text is cut, and says so
                cell.setCellValue(text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…");
            }
        }
    }

    /** Wide enough for the header, a time or a typical text; without autosizing, which would read every row. */
    private static void widths(SXSSFSheet sheet, Table table) {
        List<Object> sample = table.rows().isEmpty() ? List.of() : table.rows().get(0);
        for (int c = 0; c < table.header().size(); c++) {
            Object value = c < sample.size() ? sample.get(c) : null;
            int chars = value instanceof Instant ? 20 : value instanceof Number ? 10 : 24;
            sheet.setColumnWidth(c, Math.min(Math.max(chars, table.header().get(c).length() + 3), 60) * 256);
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle time;
        final CellStyle credit;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            time = workbook.createCellStyle();
            time.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            credit = workbook.createCellStyle();
            credit.setDataFormat(workbook.createDataFormat().getFormat("0.0#"));
        }
    }
}
