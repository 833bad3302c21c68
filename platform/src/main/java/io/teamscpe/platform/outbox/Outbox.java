package io.teamscpe.platform.outbox;

import io.teamscpe.contracts.CpeEvent;
import io.teamscpe.contracts.EventCatalog;
import io.teamscpe.platform.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
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
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.topic = EventCatalog.topicOf(event);
        row.key = event.key();
        row.type = EventCatalog.typeOf(event);
        row.source = source;
        row.time = event.occurredAt() != null ? event.occurredAt() : Instant.now();
        row.firmId = event.firmId();
        row.payload = codec.toJson(event);
        em.persist(row);
        return row.id;
    }
}
