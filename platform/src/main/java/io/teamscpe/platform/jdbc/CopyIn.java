package io.teamscpe.platform.jdbc;

import io.teamscpe.platform.json.IsoInstants;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * Bulk rows for one table sent with PostgreSQL's {@code COPY ... FROM STDIN} (text format) on the caller's
 * connection, so inside its transaction. Several times cheaper for the server than the same rows as INSERTs, which
 * is what a 10,000-participant snapshot needs. Values: {@code null}, {@link String}, {@link Boolean}, numbers,
 * {@link UUID}, {@link Instant} and text arrays ({@link Collection} of strings).
 */
public final class CopyIn {
    private final String sql;
    private final int columns;
    private final StringBuilder rows = new StringBuilder(64 * 1024);
    private int count;

    /** {@code columns}: the column list, e.g. {@code "id, topic, payload"}, in the order rows give values. */
    public CopyIn(String table, String columns) {
        this.sql = "copy " + table + " (" + columns + ") from stdin";
        this.columns = columns.split(",").length;
    }

    public CopyIn row(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append('\t');
            }
            value(values[i]);
        }
        rows.append('\n');
        count++;
        return this;
    }

    /** Sends the rows and forgets them; returns how many were copied. */
    public long send(Connection connection) throws SQLException {
        if (count == 0) {
            return 0;
        }
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            rows.setLength(0);
            count = 0;
        }
    }

    /** The rows as COPY will read them (what {@link #send} sends). */
    String data() {
        return rows.toString();
    }

    private void value(Object v) {
        if (v == null) {
            rows.append("\\N");
        } else if (v instanceof Boolean b) {
            rows.append(b ? 't' : 'f');
        } else if (v instanceof Collection<?> array) {
            StringBuilder literal = new StringBuilder("{");
            for (Object element : array) {
                if (literal.length() > 1) {
                    literal.append(',');
                }
                literal.append('"').append(String.valueOf(element).replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            }
            text(literal.append('}').toString());
        } else {
            // strings, numbers, UUIDs and Instants (ISO-8601 UTC, which timestamptz reads)
            text(v instanceof Instant instant ? IsoInstants.format(instant) : v.toString());
        }
    }

    /**
     * COPY's text escaping: backslash, and the characters that would end a column or a row. Most values need none
     * and are appended whole.
     */
    private void text(String s) {
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            String escaped = switch (s.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                rows.append(s, from, i).append(escaped);
                from = i + 1;
            }
        }
        rows.append(s, from, s.length());
    }
}
