package io.teamscpe.polling.microsoft.forms;

import io.teamscpe.polling.parse.ParseLimits;
import io.teamscpe.polling.parse.ParsedPoll;
import io.teamscpe.polling.parse.ParsedResponse;
import io.teamscpe.polling.parse.PollFileException;
import java.io.IOException;
import java.util.List;
import java.util.TreeMap;

/**
 * Streams the poll's sheet: finds the columns by header on the first non-empty row, then turns each row into a
 * {@link ParsedResponse}, reading only the cells of the columns it needs. Nothing but the rows' few values is kept.
 */
final class SheetReader {
    static final int ID = 0;
    static final int START = 1;
    static final int DONE = 2;
    static final int EMAIL = 3;
    static final int NAME = 4;
    static final int QUESTION = 5;
    private static final int SLOTS = 6;

    private final String[] sst;
    private final boolean date1904;
    private final ParseLimits limits;
    private final PollBuilder poll;
    private Columns columns;
    private final String[] text = new String[SLOTS];
    private final double[] number = new double[SLOTS];
    private final boolean[] numeric = new boolean[SLOTS];

    SheetReader(String[] sst, boolean date1904, ParseLimits limits) {
        this.sst = sst;
        this.date1904 = date1904;
        this.limits = limits;
        this.poll = new PollBuilder(limits);
    }

    ParsedPoll read(XmlScanner x) throws IOException {
        TreeMap<Integer, String> headerCells = new TreeMap<>();
        int rowNumber = 0;
        int col = -1;
        for (int event = x.next(); event != XmlScanner.EOF; event = x.next()) {
            if (event == XmlScanner.START) {
                if (x.is("c")) {
                    String ref = x.attr("r");
                    col = ref != null ? column(ref) : col + 1;
                    readCell(x, col, x.attr("t"), headerCells);
                } else if (x.is("row")) {
                    String ref = x.attr("r");
                    rowNumber = ref != null ? Integer.parseInt(ref) : rowNumber + 1;
                    col = -1;
                    java.util.Arrays.fill(text, null);
                    java.util.Arrays.fill(numeric, false);
                }
            } else if (x.is("row")) {
                if (columns == null) {
                    if (!headerCells.isEmpty()) {
                        columns = Columns.of(headerCells);
                        poll.question(columns.question(), columns.warnings());
                    }
                } else {
                    endRow(rowNumber);
                }
            }
        }
        if (columns == null) {
            throw Columns.missing(List.of(), "an empty sheet");
        }
        return poll.build();
    }

    private void readCell(XmlScanner x, int col, String type, TreeMap<Integer, String> headerCells)
            throws IOException {
        int slot = columns == null ? -2 : columns.slotOf(col);
        String value = null;
        StringBuilder inline = null;
        for (int event = x.next(); event != XmlScanner.EOF; event = x.next()) {
            if (event == XmlScanner.END) {
                if (x.is("c")) {
                    break;
                }
            } else if (slot != -1) {
                if (x.is("v")) {
                    value = x.text(limits.maxCellChars());
                } else if (x.is("t")) {
                    if (inline == null) {
                        inline = new StringBuilder();
                    }
                    inline.append(x.text(limits.maxCellChars()));
                }
            }
        }
        if (slot == -1) {
            return;
        }
        String cell;
        boolean isNumber = false;
        if ("s".equals(type)) {
            cell = shared(value);
        } else if ("inlineStr".equals(type)) {
            cell = inline == null ? null : inline.toString();
        } else {
            cell = value;
            isNumber = value != null && (type == null || "n".equals(type));
        }
        if (cell != null && cell.length() > limits.maxCellChars()) {
            throw cellTooLong(limits.maxCellChars());
        }
        if (slot == -2) {
            if (cell != null && !cell.isBlank()) {
                headerCells.put(col, cell.trim());
            }
            return;
        }
        text[slot] = cell;
        if (isNumber && (slot == START || slot == DONE)) {
            try {
                number[slot] = Double.parseDouble(cell);
                numeric[slot] = true;
            } catch (NumberFormatException e) {
                numeric[slot] = false;
            }
        }
    }

    private String shared(String index) {
        if (index == null) {
            return null;
        }
        int i;
        try {
            i = Integer.parseInt(index.trim());
        } catch (NumberFormatException e) {
            throw XlsxGuard.corrupt("a cell pointing to shared string '" + index + "'");
        }
        if (i < 0 || i >= sst.length) {
            throw XlsxGuard.corrupt("a cell pointing to shared string " + i + " of " + sst.length);
        }
        return sst[i];
    }

    private void endRow(int rowNumber) {
        boolean empty = true;
        for (String t : text) {
            if (t != null && !t.isBlank()) {
                empty = false;
                break;
            }
        }
        if (empty) {
            return;
        }
        if (poll.size() >= limits.maxResponses()) {
            throw new PollFileException("poll-file-too-many-rows", "Too many responses",
                    "at most " + limits.maxResponses() + " responses", "more rows than that",
                    "One Teams poll never has that many responses; check that this is a poll export. "
                            + FormsProblems.EXPORT_ADVICE);
        }
        ParsedResponse response = poll.add(rowNumber, text[ID], text[EMAIL], text[NAME], text[QUESTION]);
        time(response, START, rowNumber);
        time(response, DONE, rowNumber);
    }

    private void time(ParsedResponse response, int slot, int rowNumber) {
        if (numeric[slot]) {
            long seconds;
            try {
                seconds = FormsTimes.fromSerial(number[slot], date1904);
            } catch (FormsTimes.OutOfRange e) {
                throw FormsProblems.badTime(true, text[slot].trim(), rowNumber, columns.header(slot));
            }
            if (slot == START) {
                response.startedAt(seconds);
            } else {
                response.completedAt(seconds);
            }
        } else if (text[slot] != null && !text[slot].isBlank()) {
            poll.pendingTime(response, slot == START, text[slot].trim(), rowNumber, columns.header(slot));
        }
    }

    /** Zero-based column of a cell reference such as {@code AB12}. */
    static int column(String ref) {
        int col = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                col = col * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                col = col * 26 + (c - 'a' + 1);
            } else {
                break;
            }
        }
        return col - 1;
    }

    static PollFileException cellTooLong(int max) {
        return new PollFileException("poll-file-corrupt", "Cell too long", "cells of at most " + max + " characters",
                "a longer cell", "The file holds text longer than Excel allows in a cell. "
                + FormsProblems.EXPORT_ADVICE);
    }
}
