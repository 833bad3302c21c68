package io.teamscpe.platform.events;

import io.teamscpe.contracts.CpeEvent;
import io.teamscpe.platform.inbox.Inbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The one way services consume events: decode by {@code ce_type}, skip what this consumer already applied
 * (inbox), apply the effect — all in one transaction. A transient failure (database unreachable, a timeout) is
 * retried until it passes ({@link ConsumerRetry}); any other failure propagates so the channel's failure strategy
 * sends the record to its dead-letter topic.
 *
 * <p>Counts what it decided once the transaction commits, on {@code /q/metrics}:
 * {@code teamscpe_events_consumed_total{consumer, topic, outcome}} with outcome {@code applied} (first delivery,
 * effect committed), {@code duplicate} (the inbox had it: a redelivery or a re-sent copy, discarded) or
 * {@code skipped} (a type this consumer does not know). A rolled-back attempt is not counted; its retry is.
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final EventCodec codec;
    private final Inbox inbox;
    private final ConsumerRetry retry;
    private final TransactionSynchronizationRegistry transactions;
    private final MeterRegistry metrics;

    public EventConsumer(EventCodec codec, Inbox inbox, ConsumerRetry retry,
                         TransactionSynchronizationRegistry transactions, MeterRegistry metrics) {
        this.codec = codec;
        this.inbox = inbox;
        this.retry = retry;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    /** In a transaction of its own, retried while its failures are transient. */
    public void apply(String consumer, ConsumerRecord<String, String> record, Consumer<CpeEvent> effect) {
        retry.run(consumer + " <- " + record.topic(),
                () -> QuarkusTransaction.requiringNew().run(() -> applyWithin(consumer, record, effect)));
    }

    /** Within the caller's transaction (a batch), which retries the whole transaction itself. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyWithin(String consumer, ConsumerRecord<String, String> record, Consumer<CpeEvent> effect) {
        String eventId = EventCodec.header(record, EventCodec.CE_ID)
                .orElseThrow(() -> new PoisonEventException("record without ce_id header"));
        var event = codec.decode(record);
        if (event.isEmpty()) {
            LOG.debugf("%s skips unknown event type of %s", consumer, eventId);
            countOnCommit(consumer, record.topic(), "skipped");
            return;
        }
        if (!inbox.firstDelivery(consumer, eventId)) {
            LOG.debugf("%s already applied event %s", consumer, eventId);
            countOnCommit(consumer, record.topic(), "duplicate");
            return;
        }
        effect.accept(event.get());
        countOnCommit(consumer, record.topic(), "applied");
    }

    /** Adds one to the transaction's tally, which goes to the counters if (and when) it commits. */
    private void countOnCommit(String consumer, String topic, String outcome) {
        @SuppressWarnings("unchecked")
        Map<Tally, Integer> tally = (Map<Tally, Integer>) transactions.getResource(EventConsumer.class);
        if (tally == null) {
            Map<Tally, Integer> created = new HashMap<>();
            transactions.putResource(EventConsumer.class, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // counted after the outcome is known
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        created.forEach((k, n) -> metrics.counter("teamscpe.events.consumed", "consumer", k.consumer(),
                                "topic", k.topic(), "outcome", k.outcome()).increment(n));
                    }
                }
            });
            tally = created;
        }
        tally.merge(new Tally(consumer, topic, outcome), 1, Integer::sum);
    }

    private record Tally(String consumer, String topic, String outcome) {
    }
}
