package io.teamscpe.platform.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A {@code timestamptz} column of a native query, as whichever type the driver and Hibernate return it. */
public final class SqlTimes {
    private SqlTimes() {
    }

    /** The column as an instant; null stays null. */
    public static Instant instant(Object column) {
        if (column == null || column instanceof Instant) {
            return (Instant) column;
        }
        if (column instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) column).toInstant();
    }
}
