package io.teamscpe.platform.jdbc;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Rows one transaction collects and inserts as one JDBC batch on the transaction's connection when flushed: one
 * multi-row statement (reWriteBatchedInserts) instead of a round trip per row — e.g. the 1,000 participant events of
 * a large session's attendance snapshot. Not thread-safe: one per transaction.
 */
public final class StagedRows<T> {
    /** Sets one row's parameters on the insert. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement insert, T row) throws SQLException;
    }

    private final EntityManager em;
    private final String insertSql;
    private final Binder<T> binder;
    private final List<T> pending = new ArrayList<>();

    public StagedRows(EntityManager em, String insertSql, Binder<T> binder) {
        this.em = em;
        this.insertSql = insertSql;
        this.binder = binder;
    }

    public void add(T row) {
        pending.add(row);
    }

    /** Inserts what was added since the last flush; call inside the transaction that collected the rows. */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
                for (T row : pending) {
                    binder.bind(insert, row);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        pending.clear();
    }
}
