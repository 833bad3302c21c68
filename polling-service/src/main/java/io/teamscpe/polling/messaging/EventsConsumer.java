package io.teamscpe.polling.messaging;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.contracts.session.EnrollmentChunk;
import io.teamscpe.contracts.session.EnrollmentSnapshotCompleted;
import io.teamscpe.contracts.session.SessionCancelled;
import io.teamscpe.contracts.session.SessionScheduled;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.teamscpe.platform.events.EventBatches;
import io.teamscpe.platform.events.EventBatches.Work;
import io.teamscpe.platform.readmodel.Rosters;
import io.teamscpe.polling.RematchReason;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Sessions, rosters and attendance into polling's read models, each event applied exactly once. Records come in
 * batches (one per poll of the topic), each applied in one transaction.
 */
@ApplicationScoped
public class EventsConsumer {
    private static final String CONSUMER = "polling";

    private final EventBatches batches;
    private final SessionReadModel model;
    private final Rosters rosters;
    private final PollRematch rematch;

    public EventsConsumer(EventBatches batches, SessionReadModel model, Rosters rosters, PollRematch rematch) {
        this.batches = batches;
        this.model = model;
        this.rosters = rosters;
        this.rematch = rematch;
    }

    @Incoming("sessions")
    @Blocking
    public CompletionStage<Void> onSessions(KafkaRecordBatch<String, String> batch) {
        return batches.apply(CONSUMER, batch, () -> Work.of(event -> {
            if (event instanceof SessionScheduled scheduled) {
                model.on(scheduled);
            } else if (event instanceof SessionCancelled cancelled) {
                model.on(cancelled);
            } else if (event instanceof EnrollmentChunk chunk) {
                rosters.on(chunk);
            } else if (event instanceof EnrollmentSnapshotCompleted completed && rosters.on(completed)) {
                rematch.session(completed.firmId(), completed.sessionId(), RematchReason.ENROLLMENT_CHANGED);
            }
        }));
    }

    @Incoming("attendance")
    @Blocking
    public CompletionStage<Void> onAttendance(KafkaRecordBatch<String, String> batch) {
        return batches.apply(CONSUMER, batch, () -> Work.stagingAttendance(model.stagedParticipants(), model::on));
    }
}
