package io.teamscpe.attendance.microsoft.teamsfile;

import io.teamscpe.attendance.upload.AttendanceFileException;
import io.teamscpe.attendance.microsoft.teamsfile.Attendees.Row;
import io.teamscpe.attendance.microsoft.teamsfile.Columns.Layout;
import io.teamscpe.attendance.microsoft.teamsfile.FileTimes.Stamp;
import io.teamscpe.attendance.microsoft.teamsfile.Vocabulary.Column;
import io.teamscpe.attendance.microsoft.teamsfile.Vocabulary.SummaryKey;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The file's sections, found by their leading number whatever the language: "1." the summary (key/value rows),
 * "2." the participants, "3." (newer files only) every join and leave. Times stay text until the file's date order
 * is known; everything else is checked here, where the line numbers are.
 */
final class FileSections {
    private static final int MAX_SUMMARY_LINES = 50;
    static final int MAX_NAME = 300;
    /** RFC 5321's longest address; "email:" + the address keys a participant in 300 characters. */
    static final int MAX_ADDRESS = 254;
    static final int MAX_ROLE = 40;
    // "1h 27m 51s", "1 Std. 27 Min. 51 Sek.", "45s", "1:27:51": the value is only sanity-checked.
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:[.,]\\d+)?\\s*\\p{L}+\\.?\\s*)+"
            + "|\\d{1,3}:\\d{2}(?::\\d{2})?");

    String title;
    Stamp start;
    Stamp end;
    final List<Row> participants = new ArrayList<>();
    /** Null when the file has no third section (older files). */
    List<Row> activities;
    final List<Stamp> stamps = new ArrayList<>();

    private char separator;
    private final List<String> summaryLines = new ArrayList<>();
    private final List<Integer> summaryNumbers = new ArrayList<>();
    private Layout layout;
    private Columns columns;
    private int participantsTitleLine;
    private boolean participantsHeader;

    static FileSections read(FileText text) {
        FileSections file = new FileSections();
        int section = 0;
        boolean content = false;
        for (String line = text.next(); line != null; line = text.next()) {
            int n = text.lineNumber();
            if (Fields.blank(line)) {
                continue;
            }
            int number = Fields.sectionNumber(line, file.separator);
            if (number > section) {
                section = number;
                file.startSection(number, n);
            } else if (section == 0) {
                throw new AttendanceFileException(0, "this is not a Teams attendance list: no '2. Participants' "
                        + "section (it should start with '1. Summary'; line " + n + " is '" + shorten(line) + "')");
            } else if (section == 1) {
                file.summaryLine(n, line);
            } else if (file.layout != null) {
                file.tableLine(n, line);
            }
            content = true;
        }
        if (!content) {
            throw new AttendanceFileException(0, "the file is empty");
        } else if (section < 2) {
            throw new AttendanceFileException(0, "this is not a Teams attendance list: no '2. Participants' section");
        } else if (!file.participantsHeader) {
            throw new AttendanceFileException(file.participantsTitleLine, "the '2. Participants' section has no "
                    + "header row (Name, First join, Last leave, ...)");
        }
        file.readSummary();
        return file;
    }

    private void startSection(int number, int line) {
        layout = number == 2 ? Layout.PARTICIPANTS : number == 3 ? Layout.ACTIVITIES : null;
        columns = null;
        if (number == 2) {
            participantsTitleLine = line;
        } else if (number == 3) {
            activities = new ArrayList<>();
        }
    }

    private void summaryLine(int n, String line) {
        if (summaryLines.size() == MAX_SUMMARY_LINES) {
            throw new AttendanceFileException(n, "the summary has more than " + MAX_SUMMARY_LINES + " rows; this is "
                    + "not a Teams attendance list, or its '2. Participants' title is missing");
        }
        summaryLines.add(line);
        summaryNumbers.add(n);
    }

    private void tableLine(int n, String line) {
        if (columns == null) {
            header(n, line);
            return;
        }
        List<String> f = Fields.split(line, separator);
        if (f.size() < columns.required() || nonEmptyBeyond(f, columns.width())) {
            throw columnCount(n, line, columns.width(), f.size());
        }
        String duration = columns.get(f, Column.DURATION);
        if (duration != null && !DURATION.matcher(duration).matches()) {
            throw new AttendanceFileException(n, "'" + columns.label(Column.DURATION) + "' is '" + duration
                    + "', which is not a duration such as 1h 27m 51s");
        }
        Row row = new Row(n, cell(f, Column.NAME, n), cell(f, Column.EMAIL, n), cell(f, Column.UPN, n),
                cell(f, Column.ROLE, n), stamp(f, Column.JOIN, n), stamp(f, Column.LEAVE, n));
        (layout == Layout.PARTICIPANTS ? participants : activities).add(row);
    }

    /** A cell no longer than what the attendance tables store for it (an address also keys its participant). */
    private String cell(List<String> fields, Column column, int n) {
        String value = columns.get(fields, column);
        int max = switch (column) {
            case NAME -> MAX_NAME;
            case EMAIL, UPN -> MAX_ADDRESS;
            case ROLE -> MAX_ROLE;
            default -> Integer.MAX_VALUE;
        };
        if (value != null && value.length() > max) {
            throw new AttendanceFileException(n, "'" + columns.label(column) + "' is " + value.length()
                    + " characters long; at most " + max + " are accepted ('" + shorten(value) + "')");
        }
        return value;
    }

    private void header(int n, String line) {
        if (separator == 0) {
            separator = Fields.separatorOf(line, Columns.REQUIRED.size());
        }
        List<String> header = separator == 0 ? List.of(line) : Fields.split(line, separator);
        if (header.size() < Columns.REQUIRED.size()) {
            throw columnCount(n, line, layout.order.size(), header.size());
        }
        columns = Columns.of(header, layout);
        String missing = columns.missing(layout);
        if (missing != null) {
            throw new AttendanceFileException(n, "the '" + layout.title + "' header row has no '" + missing
                    + "' column (its columns are '" + String.join("', '", header) + "')");
        }
        participantsHeader |= layout == Layout.PARTICIPANTS;
    }

    /** Key/value rows; unrecognised keys fall back to the documented layout: the title first, then the times. */
    private void readSummary() {
        char sep = separator == 0 ? '\t' : separator;
        List<Stamp> timeLike = new ArrayList<>();
        String firstValue = null;
        for (int i = 0; i < summaryLines.size(); i++) {
            List<String> f = Fields.split(summaryLines.get(i), sep);
            String key = f.get(0);
            String value = f.size() > 1 ? f.get(1) : "";
            Stamp stamp = new Stamp(value, summaryNumbers.get(i), key);
            SummaryKey known = Vocabulary.summaryKey(key);
            if (known == SummaryKey.TITLE) {
                title = value.isEmpty() ? null : value;
            } else if (known == SummaryKey.START) {
                start = value.isEmpty() ? null : stamp;
            } else if (known == SummaryKey.END) {
                end = value.isEmpty() ? null : stamp;
            } else if (FileTimes.parse(value, FileTimes.Order.MONTH_FIRST) != null
                    || FileTimes.parse(value, FileTimes.Order.DAY_FIRST) != null) {
                timeLike.add(stamp);
            }
            firstValue = firstValue == null ? value : firstValue;
        }
        title = title != null ? title : firstValue == null || firstValue.isEmpty() ? null : firstValue;
        if (start == null && !timeLike.isEmpty()) {
            start = timeLike.remove(0);
        }
        if (end == null && !timeLike.isEmpty()) {
            end = timeLike.remove(0);
        }
        if (start != null) {
            stamps.add(start);
        }
        if (end != null) {
            stamps.add(end);
        }
    }

    private Stamp stamp(List<String> fields, Column column, int line) {
        String text = columns.get(fields, column);
        if (text == null) {
            return null;
        }
        Stamp s = new Stamp(text, line, columns.label(column));
        stamps.add(s);
        return s;
    }

    private AttendanceFileException columnCount(int n, String line, int expected, int found) {
        String kind = Fields.describe(separator == 0 ? '\t' : separator);
        boolean resaved = (separator == 0 || separator == '\t') && (line.indexOf(',') >= 0 || line.indexOf(';') >= 0);
        return new AttendanceFileException(n, "expected " + expected + " " + kind + "-separated columns, found "
                + found + (resaved ? " (was the file re-saved by Excel as comma-separated?)"
                : separator == ',' || separator == ';' ? " (a value containing a " + kind + " must be in double "
                + "quotes; upload the tab-separated file Teams downloaded instead)" : ""));
    }

    private static boolean nonEmptyBeyond(List<String> fields, int width) {
        for (int i = width; i < fields.size(); i++) {
            if (!fields.get(i).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static String shorten(String line) {
        String text = line.replace('\t', ' ');
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
