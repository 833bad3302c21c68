package io.teamscpe.polling.messaging;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.contracts.attendance.AttendanceSnapshotCompleted;
import io.teamscpe.contracts.attendance.ParticipantAttended;
import io.teamscpe.contracts.session.EnrollmentChunk;
import io.teamscpe.contracts.session.EnrollmentSnapshotCompleted;
import io.teamscpe.contracts.session.SessionCancelled;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.platform.events.EventConsumer;
import io.teamscpe.platform.readmodel.Rosters;
import io.teamscpe.polling.RematchReason;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Sessions, rosters and attendance into polling's read models, each event applied exactly once. */
@ApplicationScoped
public class EventsConsumer {
    private static final String CONSUMER = "polling";

    private final EventConsumer consumer;
    private final SessionReadModel model;
    private final Rosters rosters;
    private final PollRematch rematch;

    public EventsConsumer(EventConsumer consumer, SessionReadModel model, Rosters rosters, PollRematch rematch) {
        this.consumer = consumer;
        this.model = model;
        this.rosters = rosters;
        this.rematch = rematch;
    }

    @Incoming("sessions")
    @Blocking
    public void onSession(ConsumerRecord<String, String> record) {
        consumer.apply(CONSUMER, record, event -> {
            if (event instanceof SessionScheduled scheduled) {
                model.on(scheduled);
            } else if (event instanceof SessionCancelled cancelled) {
                model.on(cancelled);
            } else if (event instanceof EnrollmentChunk chunk) {
                rosters.on(chunk);
            } else if (event instanceof EnrollmentSnapshotCompleted completed && rosters.on(completed)) {
                rematch.session(completed.firmId(), completed.sessionId(), RematchReason.ENROLLMENT_CHANGED);
            }
        });
    }

    @Incoming("attendance")
    @Blocking
    public void onAttendance(ConsumerRecord<String, String> record) {
        consumer.apply(CONSUMER, record, event -> {
            if (event instanceof ParticipantAttended participant) {
                model.on(participant);
            } else if (event instanceof AttendanceSnapshotCompleted completed) {
                model.on(completed);
            }
        });
    }
}
