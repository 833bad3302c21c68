package io.teamscpe.credential.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.teamscpe.platform.outbox.OutboxRelay;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay's lock is per service schema: a replica of this service relaying holds this service's relay
 * back, while another service relaying in the same database (its own schema) does not.
 */
@QuarkusTest
class OutboxRelayLockTest {
    @Inject
    OutboxRelay relay;
    @Inject
    AgroalDataSource db;
    @Inject
    EntityManager em;

    @Test
    void anotherReplicaOfThisServiceHoldsTheRelayBack() throws SQLException {
        try (Connection otherReplica = db.getConnection()) {
            otherReplica.setAutoCommit(false);
            relayLock(otherReplica, "credential");
            UUID row = pendingRow();
            assertThat(QuarkusTransaction.requiringNew().call(relay::publishBatch)).isZero();
            assertThat(sent(row)).isFalse();
            otherReplica.rollback();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sent(row));
        }
    }

    @Test
    void anotherServiceRelayingInTheSameDatabaseDoesNot() throws SQLException {
        try (Connection otherService = db.getConnection()) {
            otherService.setAutoCommit(false);
            relayLock(otherService, "relay_lock_other_service");
            UUID row = pendingRow();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sent(row));
            otherService.rollback();
        }
    }

    /** Takes the relay's own lock in {@code connection}'s transaction, as a relay of {@code schema} would. */
    private static void relayLock(Connection connection, String schema) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("create schema if not exists " + schema);
            s.execute("set local search_path to " + schema);
            try (ResultSet rs = s.executeQuery(OutboxRelay.LOCK_STATEMENT)) {
                assertThat(rs.next() && rs.getBoolean(1)).as("the lock of " + schema + "'s relay").isTrue();
            }
        }
    }

    private UUID pendingRow() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into outbox_event (id, topic, record_key, ce_type, ce_source, ce_time, firm_id, payload)
                        values (?1, 'cpe.relay-lock-test.v1', 'k', 'io.teamscpe.test.v1', 'test', ?2, 'f', '{}')""")
                .setParameter(1, id).setParameter(2, Instant.now()).executeUpdate());
        return id;
    }

    private boolean sent(UUID id) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select sent_at is not null from outbox_event where id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBoolean(1);
            }
        }
    }
}
