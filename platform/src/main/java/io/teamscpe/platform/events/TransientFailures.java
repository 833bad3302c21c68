package io.teamscpe.platform.events;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure that goes away by itself (the database or broker briefly unreachable, a timeout, a deadlock) from
 * one that never will. Only the second kind may send an event to a dead-letter topic.
 */
public final class TransientFailures {
    /** SQLSTATE classes and codes of PostgreSQL errors that a retry can outlive. */
    private static final Set<String> TRANSIENT_STATE_CLASSES = Set.of("08", "53", "57P", "58");
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57014", "25006");
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "org.hibernate.exception.JDBCConnectionException", "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.PessimisticLockException", "org.hibernate.QueryTimeoutException",
            "jakarta.persistence.LockTimeoutException", "jakarta.persistence.QueryTimeoutException",
            "jakarta.persistence.PessimisticLockException");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonEventException) {
                return false;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof TimeoutException || t instanceof ConnectException
                    || t instanceof SocketTimeoutException || t instanceof RetriableException
                    || TRANSIENT_TYPES.contains(t.getClass().getName())) {
                return true;
            }
            if (t instanceof SQLException sql && transientState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A state of a server that is away or overloaded; no state at all is the pool's own (acquisition timeout). */
    static boolean transientState(String state) {
        if (state == null) {
            return true;
        }
        return TRANSIENT_STATES.contains(state) || TRANSIENT_STATE_CLASSES.stream().anyMatch(state::startsWith);
    }
}
