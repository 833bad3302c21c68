package io.teamscpe.reporting.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.teamscpe.contracts.poll.PollEvent;
import io.teamscpe.contracts.session.EnrollmentChunk;
import io.teamscpe.contracts.session.EnrollmentSnapshotCompleted;
import io.teamscpe.contracts.session.RulesetPublished;
import io.teamscpe.contracts.session.SessionCancelled;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.platform.readmodel.Rosters;
import io.teamscpe.platform.events.EventBatches;
import io.teamscpe.platform.events.EventBatches.Work;
import io.teamscpe.reporting.store.ReportInputs;
import io.teamscpe.reporting.store.Rulesets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Sessions, rosters, rulesets, attendance and polls into reporting's read models, each event applied once. Records
 * come in batches (one per poll of the topic), each applied in one transaction.
 */
@ApplicationScoped
public class EventsConsumer {
    private static final String CONSUMER = "reporting";

    private final EventBatches batches;
    private final ReadModel model;
    private final Rulesets rulesets;
    private final Rosters rosters;
    private final PollProjection polls;
    private final ReportInputs inputs;

    public EventsConsumer(EventBatches batches, ReadModel model, Rulesets rulesets, Rosters rosters,
                          PollProjection polls, ReportInputs inputs) {
        this.batches = batches;
        this.model = model;
        this.rulesets = rulesets;
        this.rosters = rosters;
        this.polls = polls;
        this.inputs = inputs;
    }

    @Incoming("sessions")
    @Blocking
    public CompletionStage<Void> onSessions(KafkaRecordBatch<String, String> batch) {
        return batches.apply(CONSUMER, batch, () -> Work.of(event -> {
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
        return batches.apply(CONSUMER, batch, () -> Work.stagingAttendance(model.stagedParticipants(), model::on));
    }

    @Incoming("polls")
    @Blocking
    public CompletionStage<Void> onPolls(KafkaRecordBatch<String, String> batch) {
        return batches.apply(CONSUMER, batch, () -> Work.of(event -> {
            if (event instanceof PollEvent poll) {
                polls.on(poll);
            }
        }));
    }
}
