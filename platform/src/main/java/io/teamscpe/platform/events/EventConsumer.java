package io.teamscpe.platform.events;

import io.teamscpe.contracts.CpeEvent;
import io.teamscpe.platform.inbox.Inbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The one way services consume events: decode by {@code ce_type}, skip what this consumer already applied
 * (inbox), apply the effect — all in one transaction. A transient failure (database unreachable, a timeout) is
 * retried until it passes ({@link ConsumerRetry}); any other failure propagates so the channel's failure strategy
 * sends the record to its dead-letter topic.
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final EventCodec codec;
    private final Inbox inbox;
    private final ConsumerRetry retry;

    public EventConsumer(EventCodec codec, Inbox inbox, ConsumerRetry retry) {
        this.codec = codec;
        this.inbox = inbox;
        this.retry = retry;
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
            return;
        }
        if (!inbox.firstDelivery(consumer, eventId)) {
            LOG.debugf("%s already applied event %s", consumer, eventId);
            return;
        }
        effect.accept(event.get());
    }
}
