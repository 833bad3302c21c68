package io.teamscpe.reporting.messaging;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.contracts.attendance.AttendanceSnapshotCompleted;
import io.teamscpe.contracts.attendance.ParticipantAttended;
import io.teamscpe.contracts.poll.PollEvent;
import io.teamscpe.contracts.session.EnrollmentChunk;
import io.teamscpe.contracts.session.EnrollmentSnapshotCompleted;
import io.teamscpe.contracts.session.RulesetPublished;
import io.teamscpe.contracts.session.SessionCancelled;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.platform.events.EventConsumer;
import io.teamscpe.reporting.service.PollModel;
import io.teamscpe.reporting.service.ReadModel;
import io.teamscpe.platform.readmodel.Rosters;
import io.teamscpe.reporting.service.RulesetModel;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Sessions, rosters, rulesets, attendance and polls into reporting's read models, each event applied once. */
@ApplicationScoped
public class EventsConsumer {
    private static final String CONSUMER = "reporting";

    private final EventConsumer consumer;
    private final ReadModel model;
    private final RulesetModel rulesets;
    private final Rosters rosters;
    private final PollModel polls;

    public EventsConsumer(EventConsumer consumer, ReadModel model, RulesetModel rulesets, Rosters rosters,
                          PollModel polls) {
        this.consumer = consumer;
        this.model = model;
        this.rulesets = rulesets;
        this.rosters = rosters;
        this.polls = polls;
    }

    @Incoming("sessions")
    @Blocking
    public void onSession(ConsumerRecord<String, String> record) {
        consumer.apply(CONSUMER, record, event -> {
            if (event instanceof SessionScheduled scheduled) {
                model.on(scheduled);
            } else if (event instanceof SessionCancelled cancelled) {
                model.on(cancelled);
            } else if (event instanceof RulesetPublished ruleset) {
                rulesets.on(ruleset);
            } else if (event instanceof EnrollmentChunk chunk) {
                rosters.on(chunk);
            } else if (event instanceof EnrollmentSnapshotCompleted completed) {
                rosters.on(completed);
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

    @Incoming("polls")
    @Blocking
    public void onPoll(ConsumerRecord<String, String> record) {
        consumer.apply(CONSUMER, record, event -> {
            if (event instanceof PollEvent poll) {
                polls.on(poll);
            }
        });
    }
}
