package io.teamscpe.attendance.microsoft.teamsfile;

import io.teamscpe.attendance.microsoft.teamsfile.Vocabulary.Column;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Where each column is in a section's header row: by its (localized) name, else by the documented English order. */
final class Columns {
    enum Layout {
        PARTICIPANTS("2. Participants", List.of(Column.NAME, Column.JOIN, Column.LEAVE, Column.DURATION, Column.EMAIL,
                Column.UPN, Column.ROLE), List.of("Name", "First join", "Last leave", "In-meeting duration", "Email",
                "Participant ID (UPN)", "Role")),
        ACTIVITIES("3. In-Meeting Activities", List.of(Column.NAME, Column.JOIN, Column.LEAVE, Column.DURATION,
                Column.EMAIL, Column.ROLE), List.of("Name", "Join time", "Leave time", "Duration", "Email", "Role"));

        final String title;
        final List<Column> order;
        final List<String> labels;

        Layout(String title, List<Column> order, List<String> labels) {
            this.title = title;
            this.order = order;
            this.labels = labels;
        }
    }

    /** Columns every row needs; the others may be missing at the end of a row. */
    static final List<Column> REQUIRED = List.of(Column.NAME, Column.JOIN, Column.LEAVE);

    private final Map<Column, Integer> index;
    private final Map<Column, String> labels;
    private final int width;

    private Columns(Map<Column, Integer> index, Map<Column, String> labels, int width) {
        this.index = index;
        this.labels = labels;
        this.width = width;
    }

    static Columns of(List<String> header, Layout layout) {
        Map<Column, Integer> index = new EnumMap<>(Column.class);
        Map<Column, String> labels = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            Column c = Vocabulary.column(header.get(i));
            if (c != null && !index.containsKey(c)) {
                index.put(c, i);
                labels.put(c, header.get(i));
            }
        }
        for (int pos = 0; pos < layout.order.size() && pos < header.size(); pos++) {
            Column c = layout.order.get(pos);
            if (!index.containsKey(c) && !index.containsValue(pos) && Vocabulary.column(header.get(pos)) == null) {
                index.put(c, pos);
                labels.put(c, header.get(pos).isEmpty() ? layout.labels.get(pos) : header.get(pos));
            }
        }
        return new Columns(index, labels, header.size());
    }

    /** The first required column the header lacks, in English, or null. */
    String missing(Layout layout) {
        for (Column c : REQUIRED) {
            if (!index.containsKey(c)) {
                return layout.labels.get(layout.order.indexOf(c));
            }
        }
        return null;
    }

    /** The cell of a column, null when empty or beyond the row's end. */
    String get(List<String> row, Column column) {
        Integer i = index.get(column);
        return i == null || i >= row.size() || row.get(i).isEmpty() ? null : row.get(i);
    }

    /** The column's header as the file writes it, for messages. */
    String label(Column column) {
        return labels.getOrDefault(column, column.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** How many fields a row needs to reach every required column. */
    int required() {
        int n = 0;
        for (Column c : REQUIRED) {
            n = Math.max(n, index.getOrDefault(c, -1) + 1);
        }
        return n;
    }

    int width() {
        return width;
    }
}
