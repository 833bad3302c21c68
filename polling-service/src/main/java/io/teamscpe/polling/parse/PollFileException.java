package io.teamscpe.polling.parse;

/**
 * One uploaded file cannot be used. {@code kind} names its problem type
 * ({@code https://teamscpe.io/problems/<kind>}); {@code expected}/{@code found} say what was wrong and
 * {@code detail} what to export instead.
 */
public class PollFileException extends RuntimeException {
    private final String kind;
    private final String title;
    private final String expected;
    private final String found;
    private Integer row;
    private String column;

    public PollFileException(String kind, String title, String expected, String found, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
        this.title = title;
        this.expected = expected;
        this.found = found;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }

    /** The sheet row (1-based, as Excel numbers it) the problem is in, or null when it is not one cell's. */
    public Integer row() {
        return row;
    }

    /** The header of the column the problem is in, or null. */
    public String column() {
        return column;
    }

    PollFileException at(int row, String column) {
        this.row = row;
        this.column = column;
        return this;
    }

    /** The advice every refusal ends with. */
    static final String EXPORT_ADVICE = "In Microsoft Forms open the poll's form, choose Responses > Open in Excel "
            + "(or Download a copy), and upload that .xlsx file unchanged.";
    static final String XLSX = "an Excel workbook (.xlsx) exported from Microsoft Forms";

    static PollFileException notXlsx(String kind, String title, String found) {
        return new PollFileException(kind, title, XLSX, found, "This file is " + found + ", not an .xlsx workbook. "
                + EXPORT_ADVICE);
    }

    /** A text cell too long for what it names, or holding a control character. */
    static PollFileException badCell(String why, int row, String column) {
        return new PollFileException("poll-file-bad-cell", "Unusable cell", "a cell as Forms exported it",
                why + " in row " + row + ", column '" + column + "'",
                "The '" + column + "' cell of row " + row + " holds " + why + ", which no Forms export does (the "
                        + "cell was changed after export). Correct or delete that row, or upload the file as Forms "
                        + "exported it. " + EXPORT_ADVICE).at(row, column);
    }

    /** A time cell that is unreadable or, when {@code outOfRange}, not a time of the years allowed. */
    static PollFileException badTime(boolean outOfRange, String value, int row, String column) {
        String shown = "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'";
        String found = shown + " in row " + row + ", column '" + column + "'";
        if (!outOfRange) {
            return new PollFileException("poll-file-bad-time", "Unreadable time",
                    "a date and time such as 10/5/26 4:02:11 PM (or an Excel date cell)", found,
                    "The '" + column + "' cell of row " + row + " holds " + shown + ", which is not a date and "
                            + "time. Times must stay as Forms exported them. " + EXPORT_ADVICE).at(row, column);
        }
        String years = FormsTimes.FIRST_YEAR + " and " + FormsTimes.LAST_YEAR;
        return new PollFileException("poll-file-bad-time", "Impossible time",
                "a date and time between " + years, found,
                "The '" + column + "' cell of row " + row + " holds " + shown + ", which is not a time between " + years
                        + " (no poll response can carry it: the cell was changed after export). Correct or delete "
                        + "that row, or upload the file as Forms exported it. " + EXPORT_ADVICE).at(row, column);
    }

    static PollFileException zipBomb(String found) {
        return new PollFileException("poll-file-zip-bomb", "File expands to an unsafe size",
                "an .xlsx whose parts inflate to a normal size", found,
                "The file would inflate far beyond any Forms export and was not opened further. " + EXPORT_ADVICE);
    }
}
