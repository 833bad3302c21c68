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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        retry.run(consumer + " <- " + record.topic(), () -> QuarkusTransaction.requiringNew()
                .run(() -> applyAllWithin(consumer, List.of(record), effect)));
    }

    /**
     * Within the caller's transaction (a batch, which retries the whole transaction itself): every record decoded
     * first, the inbox asked once for all of them, then each first delivery's effect in the records' order. A copy
     * of an event later in the same batch counts as a duplicate, as it would in the next batch.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAllWithin(String consumer, List<ConsumerRecord<String, String>> records,
                               Consumer<CpeEvent> effect) {
        List<Decoded> decoded = new ArrayList<>(records.size());
        List<String> known = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            String eventId = EventCodec.header(record, EventCodec.CE_ID)
                    .orElseThrow(() -> new PoisonEventException("record without ce_id header"));
            CpeEvent event = codec.decode(record).orElse(null);
            decoded.add(new Decoded(record.topic(), eventId, event));
            if (event != null) {
                known.add(eventId);
            }
        }
        Set<String> first = new HashSet<>(inbox.firstDeliveries(consumer, known));
        for (Decoded d : decoded) {
            if (d.event() == null) {
                LOG.debugf("%s skips unknown event type of %s", consumer, d.eventId());
                countOnCommit(consumer, d.topic(), "skipped");
            } else if (!first.remove(d.eventId())) {
                LOG.debugf("%s already applied event %s", consumer, d.eventId());
                countOnCommit(consumer, d.topic(), "duplicate");
            } else {
                effect.accept(d.event());
                countOnCommit(consumer, d.topic(), "applied");
            }
        }
    }

    private record Decoded(String topic, String eventId, CpeEvent event) {
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
