package io.teamscpe.platform.outbox;

import io.teamscpe.contracts.CpeEvent;
import io.teamscpe.contracts.EventCatalog;
import io.teamscpe.platform.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The only way a service publishes: the event becomes a row in the caller's transaction, so it is published
 * if and only if the change commits. {@link OutboxRelay} sends it to Kafka.
 */
@ApplicationScoped
public class Outbox {
    private final EntityManager em;
    private final EventCodec codec;
    private final String source;

    public Outbox(EntityManager em, EventCodec codec,
                  @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.em = em;
        this.codec = codec;
        this.source = "/teamscpe/" + applicationName;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(CpeEvent event) {
        OutboxEvent row = row(event);
        em.persist(row);
        return row.id;
    }

    /**
     * Publishes many events in order with JDBC batches, outside the persistence context, so a 10,000-participant
     * snapshot costs a few round trips and no managed entities. Pending entity changes are flushed first so
     * publication order stays the order of the calls.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(List<? extends CpeEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (id, topic, record_key, ce_type, ce_source, ce_time, firm_id, payload)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (CpeEvent event : events) {
                    OutboxEvent row = row(event);
                    insert.setObject(1, row.id);
                    insert.setString(2, row.topic);
                    insert.setString(3, row.key);
                    insert.setString(4, row.type);
                    insert.setString(5, row.source);
                    insert.setTimestamp(6, Timestamp.from(row.time));
                    insert.setString(7, row.firmId);
                    insert.setString(8, row.payload);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private OutboxEvent row(CpeEvent event) {
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.topic = EventCatalog.topicOf(event);
        row.key = event.key();
        row.type = EventCatalog.typeOf(event);
        row.source = source;
        row.time = event.occurredAt() != null ? event.occurredAt() : Instant.now();
        row.firmId = event.firmId();
        row.payload = codec.toJson(event);
        return row;
    }
}
