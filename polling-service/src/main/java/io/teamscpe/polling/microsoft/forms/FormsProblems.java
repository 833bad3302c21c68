package io.teamscpe.polling.microsoft.forms;

import io.teamscpe.polling.parse.PollFileException;

/** The refusals of Forms exports that several readers share, each ending with how to export the file again. */
final class FormsProblems {
    /** The advice every refusal ends with. */
    static final String EXPORT_ADVICE = "In Microsoft Forms open the poll's form, choose Responses > Open in Excel "
            + "(or Download a copy), and upload that .xlsx file unchanged.";
    static final String XLSX = "an Excel workbook (.xlsx) exported from Microsoft Forms";

    private FormsProblems() {
    }

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
