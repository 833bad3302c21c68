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

    /** The advice every refusal ends with. */
    static final String EXPORT_ADVICE = "In Microsoft Forms open the poll's form, choose Responses > Open in Excel "
            + "(or Download a copy), and upload that .xlsx file unchanged.";
    static final String XLSX = "an Excel workbook (.xlsx) exported from Microsoft Forms";

    static PollFileException notXlsx(String kind, String title, String found) {
        return new PollFileException(kind, title, XLSX, found, "This file is " + found + ", not an .xlsx workbook. "
                + EXPORT_ADVICE);
    }

    static PollFileException zipBomb(String found) {
        return new PollFileException("poll-file-zip-bomb", "File expands to an unsafe size",
                "an .xlsx whose parts inflate to a normal size", found,
                "The file would inflate far beyond any Forms export and was not opened further. " + EXPORT_ADVICE);
    }
}
