package io.teamscpe.platform.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.teamscpe.contracts.CpeEvent;
import io.teamscpe.contracts.attendance.AttendanceSnapshotCompleted;
import io.teamscpe.contracts.attendance.ParticipantAttended;
import io.teamscpe.platform.jdbc.StagedRows;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Consumes a channel in batches (one per poll of the topic, {@code mp.messaging.incoming.<channel>.batch=true}),
 * each applied in one transaction with one inbox statement, each event still once: a 1,000-participant attendance
 * snapshot costs a few commits instead of a thousand.
 */
@ApplicationScoped
public class EventBatches {
    private static final Logger LOG = Logger.getLogger(EventBatches.class);

    /** What one transaction does with a channel's events: each event, then what it deferred to its end. */
    public record Work(Consumer<CpeEvent> effect, Runnable finish) {
        public static Work of(Consumer<CpeEvent> effect) {
            return new Work(effect, () -> {
            });
        }

        /**
         * cpe.attendance.v1 into a read model that stages a snapshot's participants until it completes: the batch's
         * participants go as one JDBC batch, flushed before a completion is applied and at the batch's end.
         */
        public static Work stagingAttendance(StagedRows<ParticipantAttended> staged,
                                             Consumer<AttendanceSnapshotCompleted> completed) {
            return new Work(event -> {
                if (event instanceof ParticipantAttended participant) {
                    staged.add(participant);
                } else if (event instanceof AttendanceSnapshotCompleted snapshot) {
                    staged.flush();
                    completed.accept(snapshot);
                }
            }, staged::flush);
        }
    }

    private final EventConsumer consumer;
    private final ConsumerRetry retry;

    public EventBatches(EventConsumer consumer, ConsumerRetry retry) {
        this.consumer = consumer;
        this.retry = retry;
    }

    /**
     * The batch in one transaction, retried while its failures are transient (database unreachable: never a reason
     * to dead-letter); if it fails otherwise, record by record, so that one bad record neither holds back nor
     * dead-letters the others: it alone goes to the topic's dead-letter twin (the channel's failure strategy).
     * {@code work} is asked for a fresh {@link Work} per transaction.
     */
    public CompletionStage<Void> apply(String name, KafkaRecordBatch<String, String> batch, Supplier<Work> work) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        String channel = name + " <- " + (records.isEmpty() ? "?" : records.get(0).getTopic());
        try {
            long t0 = System.nanoTime();
            retry.run(channel, () -> applyAll(name, records.stream().map(EventBatches::consumerRecord).toList(),
                    work.get()));
            LOG.debugf("applied %d record(s) in %d ms", records.size(), (System.nanoTime() - t0) / 1_000_000);
            return batch.ack();
        } catch (ConsumerStopping stopping) {
            // neither acknowledged nor dead-lettered: the partition's next owner receives the batch again
            return new CompletableFuture<>();
        } catch (RuntimeException batchFailed) {
            LOG.warnf("a batch of %d record(s) failed (%s); applying them one by one", records.size(),
                    batchFailed.toString());
        }
        CompletionStage<Void> deadLettered = CompletableFuture.completedFuture(null);
        for (KafkaRecord<String, String> record : records) {
            try {
                retry.run(channel, () -> applyAll(name, List.of(consumerRecord(record)), work.get()));
            } catch (ConsumerStopping stopping) {
                return new CompletableFuture<>();
            } catch (RuntimeException e) {
                deadLettered = deadLettered.thenCompose(done -> record.nack(e));
            }
        }
        return deadLettered.thenCompose(done -> batch.ack());
    }

    /** The records in one new transaction: each first delivery's effect, then {@code work}'s finish. */
    public void applyAll(String name, List<ConsumerRecord<String, String>> records, Work work) {
        QuarkusTransaction.requiringNew().run(() -> {
            consumer.applyAllWithin(name, records, work.effect());
            work.finish().run();
        });
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> (ConsumerRecord<String, String>) m.getRecord())
                .orElseThrow(() -> new IllegalStateException("a Kafka record without its consumer record"));
    }
}
