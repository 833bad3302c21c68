package io.teamscpe.polling.microsoft.forms;

import io.teamscpe.polling.parse.PollFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The export's columns, found by header (any order, extra columns tolerated). */
final class Columns {
    private static final List<String> REQUIRED = List.of("Completion time", "Email", "Name");
    private static final List<String> IGNORED = List.of("last modified time", "total points", "quiz feedback",
            "grade posted time");

    private final int[] slotByColumn;
    private final String[] headerBySlot;
    private final List<String> warnings;

    private Columns(int[] slotByColumn, String[] headerBySlot, List<String> warnings) {
        this.slotByColumn = slotByColumn;
        this.headerBySlot = headerBySlot;
        this.warnings = warnings;
    }

    static Columns of(TreeMap<Integer, String> headers) {
        int width = headers.lastKey() + 1;
        int[] slots = new int[width];
        Arrays.fill(slots, -1);
        String[] names = new String[6];
        Integer nameColumn = null;
        List<Integer> candidates = new ArrayList<>();
        for (Map.Entry<Integer, String> h : headers.entrySet()) {
            int slot = known(h.getValue());
            if (slot >= 0 && names[slot] == null) {
                slots[h.getKey()] = slot;
                names[slot] = h.getValue();
                if (slot == SheetReader.NAME) {
                    nameColumn = h.getKey();
                }
            } else if (slot == -3) {
                candidates.add(h.getKey());
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : REQUIRED) {
            if (names[known(required)] == null) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw missing(missing, "headers " + String.join(", ", quoted(headers)));
        }
        if (candidates.isEmpty()) {
            throw new PollFileException("poll-file-no-question-column", "No question column",
                    "a column after Name whose header is the poll's question",
                    "only the headers " + String.join(", ", quoted(headers)),
                    "The file has the respondent columns but no answers: it is not a poll export, or the question "
                            + "column was deleted. " + FormsProblems.EXPORT_ADVICE);
        }
        Integer chosen = question(headers, candidates, nameColumn);
        slots[chosen] = SheetReader.QUESTION;
        names[SheetReader.QUESTION] = headers.get(chosen);
        List<String> warnings = new ArrayList<>();
        for (Integer c : candidates) {
            if (!c.equals(chosen)) {
                warnings.add("Column '" + headers.get(c) + "' was ignored: a Teams poll has one question, taken to be '"
                        + headers.get(chosen) + "'.");
            }
        }
        return new Columns(slots, names, warnings);
    }

    /**
     * Forms puts the question right after Name; with columns moved around, a header that ends with '?' is the better
     * sign. Otherwise the first unknown column after Name, else the first one.
     */
    private static Integer question(TreeMap<Integer, String> headers, List<Integer> candidates, Integer nameColumn) {
        for (Integer c : candidates) {
            if (headers.get(c).endsWith("?")) {
                return c;
            }
        }
        for (Integer c : candidates) {
            if (nameColumn != null && c > nameColumn) {
                return c;
            }
        }
        return candidates.get(0);
    }

    /** Slot of a header; -1 for known columns we skip, -3 for a possible question. */
    private static int known(String header) {
        String h = header.trim().toLowerCase(Locale.ROOT);
        switch (h) {
            case "id":
                return SheetReader.ID;
            case "start time":
                return SheetReader.START;
            case "completion time":
                return SheetReader.DONE;
            case "email":
                return SheetReader.EMAIL;
            case "name":
                return SheetReader.NAME;
            default:
                return IGNORED.contains(h) || h.startsWith("points - ") || h.startsWith("feedback - ") ? -1 : -3;
        }
    }

    static PollFileException missing(List<String> missing, String found) {
        return new PollFileException("poll-file-missing-columns", "Not a Forms poll export",
                "the columns ID, Start time, Completion time, Email, Name and the question", found,
                (missing.isEmpty() ? "The sheet has no header row. " : "Missing column(s): "
                        + String.join(", ", missing) + ". ") + FormsProblems.EXPORT_ADVICE);
    }

    private static List<String> quoted(TreeMap<Integer, String> headers) {
        return headers.values().stream().map(h -> "'" + (h.length() > 60 ? h.substring(0, 60) + "…" : h) + "'")
                .toList();
    }

    int slotOf(int column) {
        return column < slotByColumn.length ? slotByColumn[column] : -1;
    }

    String header(int slot) {
        return headerBySlot[slot];
    }

    String question() {
        return headerBySlot[SheetReader.QUESTION];
    }

    List<String> warnings() {
        return warnings;
    }
}
