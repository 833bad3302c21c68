package io.teamscpe.platform.outbox;

import io.teamscpe.contracts.CpeEvent;
import io.teamscpe.contracts.EventCatalog;
import io.teamscpe.platform.events.EventCodec;
import io.teamscpe.platform.jdbc.CopyIn;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
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
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(EntityManager em, EventCodec codec,
                  @ConfigProperty(name = "quarkus.application.name") String applicationName,
                  TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.em = em;
        this.codec = codec;
        this.source = "/teamscpe/" + applicationName;
        this.transactions = transactions;
        this.relay = relay;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(CpeEvent event) {
        OutboxEvent row = row(event);
        em.persist(row);
        relayAfterCommit();
        return row.id;
    }

    /**
     * Publishes many events in order with one COPY, outside the persistence context, so a 10,000-participant
     * snapshot costs one round trip and no managed entities. Pending entity changes are flushed first so
     * publication order stays the order of the calls.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(List<? extends CpeEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        em.flush();
        CopyIn rows = new CopyIn("outbox_event",
                "id, topic, record_key, ce_type, ce_source, ce_time, firm_id, payload, traceparent");
        for (CpeEvent event : events) {
            OutboxEvent row = row(event);
            rows.row(row.id, row.topic, row.key, row.type, row.source, row.time, row.firmId, row.payload,
                    row.traceparent);
        }
        em.unwrap(Session.class).doWork(rows::send);
        relayAfterCommit();
    }

    /** Wakes the relay once the transaction commits (once per transaction, however many events it publishes). */
    private void relayAfterCommit() {
        if (transactions.getResource(Outbox.class) != null) {
            return;
        }
        transactions.putResource(Outbox.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before: the rows are already in the transaction
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }

    /** The current span's W3C traceparent, or null outside a sampled trace. */
    static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
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
        row.traceparent = traceparent();
        return row;
    }
}
