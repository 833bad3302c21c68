package io.teamscpe.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.Session;

/**
 * Idempotent consumption: remembers which events a consumer has applied, in the same transaction as the effect,
 * so a redelivered or replayed event changes nothing.
 */
@ApplicationScoped
public class Inbox {
    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    /**
     * Records the events as processed by {@code consumer}, in one statement; returns those that were not yet
     * (apply their effects, skip the others). Ids are inserted in sorted order, so two transactions recording
     * overlapping batches (a partition moving between replicas) lock them in the same order and never deadlock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        String[] ids = eventIds.stream().distinct().sorted().toArray(String[]::new);
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Set<String> first = new HashSet<>();
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into processed_event (consumer, event_id, processed_at)
                    select ?, id, now() from unnest(?) with ordinality as e(id, n) order by n
                    on conflict do nothing returning event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("varchar", ids));
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        first.add(inserted.getString(1));
                    }
                }
            }
            return first;
        });
    }
}
