package io.teamscpe.reporting.export;

import java.util.List;

/** RFC 4180 CSV; cells that a spreadsheet would run as formulas are neutralised. */
public final class Csv {
    private Csv() {
    }

    /** The header, the rows and the footnote, if any. */
    public static String of(Table table) {
        StringBuilder out = new StringBuilder(line(table.header()));
        table.rows().forEach(row -> out.append(line(row)));
        if (table.footnote() != null) {
            out.append(line(List.of(table.footnote())));
        }
        return out.toString();
    }

    static String line(List<?> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        return out.append("\r\n").toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
