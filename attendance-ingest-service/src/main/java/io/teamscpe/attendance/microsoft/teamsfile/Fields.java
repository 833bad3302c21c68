package io.teamscpe.attendance.microsoft.teamsfile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splitting a line into fields: tab-separated as Teams writes it, or comma/semicolon after a re-save by Excel. */
final class Fields {
    private static final Pattern TITLE = Pattern.compile("\"?\\s*([1-9])\\s*[.)]\\s*\\S.*");
    private static final String PADDING = "\t,; \"";

    private Fields() {
    }

    /** A line with nothing but separators and spaces (Excel pads empty rows with separators). */
    static boolean blank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (PADDING.indexOf(line.charAt(i)) < 0 && !Character.isWhitespace(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The number of a section title such as "2. Participants" or "2. Teilnehmer", or 0. A title is one cell: with the
     * separator not yet known (0), a line without tabs whose trailing separators are padding.
     */
    static int sectionNumber(String line, char separator) {
        String text = stripTrailingPadding(line);
        Matcher m = TITLE.matcher(text);
        if (!m.matches() || text.indexOf('\t') >= 0 || separator != 0 && split(text, separator).size() > 1) {
            return 0;
        }
        return m.group(1).charAt(0) - '0';
    }

    /**
     * The separator of a header row: tab when it has tabs, else the semicolon or comma Excel used, or 0 when the
     * row has fewer than {@code minColumns} columns either way.
     */
    static char separatorOf(String header, int minColumns) {
        for (char candidate : new char[]{'\t', ';', ','}) {
            if (split(header, candidate).size() >= minColumns) {
                return candidate;
            }
        }
        return 0;
    }

    /** The fields of a line, trimmed, with {@code "}-quoting undone ({@code ""} inside quotes is one quote). */
    static List<String> split(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == separator) {
                fields.add(field.toString().strip());
                field.setLength(0);
                fieldStart = true;
            } else if (c == '"' && fieldStart && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
                fieldStart = false;
            } else {
                field.append(c);
                fieldStart = fieldStart && Character.isWhitespace(c);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }

    static String describe(char separator) {
        return switch (separator) {
            case '\t' -> "tab";
            case ';' -> "semicolon";
            default -> "comma";
        };
    }

    private static String stripTrailingPadding(String line) {
        int end = line.length();
        while (end > 0 && (PADDING.indexOf(line.charAt(end - 1)) >= 0 || Character.isWhitespace(line.charAt(end - 1)))) {
            end--;
        }
        return line.substring(0, end);
    }
}
