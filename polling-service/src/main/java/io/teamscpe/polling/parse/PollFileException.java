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

    /** Places the problem in one cell: its sheet row and column header. */
    public PollFileException at(int row, String column) {
        this.row = row;
        this.column = column;
        return this;
    }
}
