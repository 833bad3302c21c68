package io.teamscpe.reporting.messaging;

import io.teamscpe.contracts.CpeEvent;
import io.teamscpe.platform.events.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies the records of one poll in one transaction, each still once (inbox): a 1,000-participant attendance
 * snapshot costs a few commits instead of a thousand.
 */
@ApplicationScoped
public class EventBatches {
    /** What one transaction does with a channel's events: each event, then what it deferred to its end. */
    public record Work(Consumer<CpeEvent> effect, Runnable finish) {
        public static Work of(Consumer<CpeEvent> effect) {
            return new Work(effect, () -> {
            });
        }
    }

    private final EventConsumer consumer;

    public EventBatches(EventConsumer consumer) {
        this.consumer = consumer;
    }

    @Transactional
    public void applyAll(String name, List<ConsumerRecord<String, String>> records, Work work) {
        for (ConsumerRecord<String, String> record : records) {
            consumer.applyWithin(name, record, work.effect());
        }
        work.finish().run();
    }
}
