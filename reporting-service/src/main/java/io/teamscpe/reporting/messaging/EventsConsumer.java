package io.teamscpe.reporting.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.teamscpe.contracts.attendance.AttendanceSnapshotCompleted;
import io.teamscpe.contracts.attendance.ParticipantAttended;
import io.teamscpe.contracts.poll.PollEvent;
import io.teamscpe.contracts.session.EnrollmentChunk;
import io.teamscpe.contracts.session.EnrollmentSnapshotCompleted;
import io.teamscpe.contracts.session.RulesetPublished;
import io.teamscpe.contracts.session.SessionCancelled;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.platform.events.ConsumerRetry;
import io.teamscpe.platform.events.ConsumerStopping;
import io.teamscpe.platform.readmodel.Rosters;
import io.teamscpe.reporting.messaging.EventBatches.Work;
import io.teamscpe.reporting.store.ReportInputs;
import io.teamscpe.reporting.store.Rulesets;
import io.teamscpe.reporting.store.StagedParticipants;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Sessions, rosters, rulesets, attendance and polls into reporting's read models, each event applied once. Records
 * come in batches (one per poll of the topic), each applied in one transaction.
 */
@ApplicationScoped
public class EventsConsumer {
    private static final Logger LOG = Logger.getLogger(EventsConsumer.class);
    private static final String CONSUMER = "reporting";

    private final EventBatches batches;
    private final ReadModel model;
    private final Rulesets rulesets;
    private final Rosters rosters;
    private final PollProjection polls;
    private final ReportInputs inputs;
    private final ConsumerRetry retry;

    public EventsConsumer(EventBatches batches, ReadModel model, Rulesets rulesets, Rosters rosters,
                          PollProjection polls, ReportInputs inputs, ConsumerRetry retry) {
        this.batches = batches;
        this.retry = retry;
        this.model = model;
        this.rulesets = rulesets;
        this.rosters = rosters;
        this.polls = polls;
        this.inputs = inputs;
    }

    @Incoming("sessions")
    @Blocking
    public CompletionStage<Void> onSessions(KafkaRecordBatch<String, String> batch) {
        return apply(batch, () -> Work.of(event -> {
            if (event instanceof SessionScheduled scheduled) {
                model.on(scheduled);
            } else if (event instanceof SessionCancelled cancelled) {
                model.on(cancelled);
            } else if (event instanceof RulesetPublished ruleset) {
                rulesets.save(ruleset);
                inputs.rulesetChanged(ruleset.rulesetId());
            } else if (event instanceof EnrollmentChunk chunk) {
                rosters.on(chunk);
            } else if (event instanceof EnrollmentSnapshotCompleted completed) {
                // the roster model is the platform's: the credit types sought, report inputs and mappings are ours
                model.on(completed);
            }
        }));
    }

    @Incoming("attendance")
    @Blocking
    public CompletionStage<Void> onAttendance(KafkaRecordBatch<String, String> batch) {
        return apply(batch, () -> {
            StagedParticipants staged = model.stagedParticipants();
            return new Work(event -> {
                if (event instanceof ParticipantAttended participant) {
                    staged.add(participant);
                } else if (event instanceof AttendanceSnapshotCompleted completed) {
                    staged.flush();
                    model.on(completed);
                }
            }, staged::flush);
        });
    }

    @Incoming("polls")
    @Blocking
    public CompletionStage<Void> onPolls(KafkaRecordBatch<String, String> batch) {
        return apply(batch, () -> Work.of(event -> {
            if (event instanceof PollEvent poll) {
                polls.on(poll);
            }
        }));
    }

    /**
     * The batch in one transaction, retried while its failures are transient (database unreachable: never a reason
     * to dead-letter); if it fails otherwise, record by record, so that one bad record neither holds back nor
     * dead-letters the others: it alone goes to the topic's dead-letter twin (the channel's failure strategy).
     */
    private CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch, Supplier<Work> work) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        String channel = CONSUMER + " <- " + (records.isEmpty() ? "?" : records.get(0).getTopic());
        try {
            long t0 = System.nanoTime();
            retry.run(channel, () -> batches.applyAll(CONSUMER,
                    records.stream().map(EventsConsumer::consumerRecord).toList(), work.get()));
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
                retry.run(channel, () -> batches.applyAll(CONSUMER, List.of(consumerRecord(record)), work.get()));
            } catch (ConsumerStopping stopping) {
                return new CompletableFuture<>();
            } catch (RuntimeException e) {
                deadLettered = deadLettered.thenCompose(done -> record.nack(e));
            }
        }
        return deadLettered.thenCompose(done -> batch.ack());
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> (ConsumerRecord<String, String>) m.getRecord())
                .orElseThrow(() -> new IllegalStateException("a Kafka record without its consumer record"));
    }
}
