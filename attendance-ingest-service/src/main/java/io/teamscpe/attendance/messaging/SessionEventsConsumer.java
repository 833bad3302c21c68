package io.teamscpe.attendance.messaging;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.contracts.session.SessionCancelled;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.platform.events.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies cpe.sessions.v1 to the sessions this service tracks (once per event: platform EventConsumer's inbox). */
@ApplicationScoped
public class SessionEventsConsumer {
    private final EventConsumer consumer;
    private final SessionTracker tracker;

    public SessionEventsConsumer(EventConsumer consumer, SessionTracker tracker) {
        this.consumer = consumer;
        this.tracker = tracker;
    }

    @Incoming("sessions")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply("attendance-ingest", record, event -> {
            if (event instanceof SessionScheduled scheduled) {
                tracker.on(scheduled);
            } else if (event instanceof SessionCancelled cancelled) {
                tracker.on(cancelled);
            }
        });
    }
}
