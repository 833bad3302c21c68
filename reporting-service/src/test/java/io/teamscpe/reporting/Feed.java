package io.teamscpe.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.contracts.CpeEvent;
import io.teamscpe.contracts.EventCatalog;
import io.teamscpe.contracts.attendance.AttendanceSnapshotCompleted;
import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.contracts.attendance.Participant;
import io.teamscpe.contracts.attendance.ParticipantAttended;
import io.teamscpe.contracts.poll.PollResponse;
import io.teamscpe.contracts.poll.PollResponsesChunk;
import io.teamscpe.contracts.poll.PollUploaded;
import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.contracts.session.EnrollmentChunk;
import io.teamscpe.contracts.session.EnrollmentSnapshotCompleted;
import io.teamscpe.contracts.session.SessionDetails;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.devstack.kafka.EventSchemas;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.KafkaResource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Publishes the upstream services' events for one session, as they would (schema-valid, CloudEvents headers). */
final class Feed {
    static final Instant START = Instant.parse("2026-10-05T16:00:00Z");
    static final Instant END = START.plusSeconds(100 * 60);

    final String firm;
    final String sessionId = UUID.randomUUID().toString();
    private final ObjectMapper json;
    private final List<ParticipantAttended> attendance = new ArrayList<>();

    Feed(String firm, ObjectMapper json) {
        this.firm = firm;
        this.json = json;
    }

    void session() {
        publish(new SessionScheduled(sessionId, firm, 1, new SessionDetails("Ethics 2026", "provider-1",
                "organizer-1", "meeting-" + sessionId, "https://teams.microsoft.com/l/meetup-join/x/0", START, END,
                "America/New_York", new BigDecimal("2"), List.of("Ethics"), "GROUP_INTERNET_BASED", null, null),
                Instant.now()));
    }

    void roster(Enrollee... enrollees) {
        String snapshot = UUID.randomUUID().toString();
        publish(new EnrollmentChunk(sessionId, firm, snapshot, 1, 1, 1, List.of(enrollees), Instant.now()));
        publish(new EnrollmentSnapshotCompleted(sessionId, firm, snapshot, 1, 1, enrollees.length, Instant.now()));
    }

    void attendee(String key, String email, String name, boolean anonymous, int[]... minutes) {
        List<Interval> intervals = new ArrayList<>();
        for (int[] m : minutes) {
            intervals.add(new Interval(START.plusSeconds(m[0] * 60L), START.plusSeconds(m[1] * 60L)));
        }
        attendance.add(new ParticipantAttended(sessionId, firm, null, 0, 0, new Participant(key, anonymous ? null
                : key, email, name, "Attendee", anonymous || email == null, anonymous,
                email == null ? List.of("NO_EMAIL") : List.of()), intervals, Instant.now()));
    }

    void publishAttendance() {
        String snapshot = UUID.randomUUID().toString();
        int n = attendance.size();
        for (int i = 0; i < n; i++) {
            ParticipantAttended a = attendance.get(i);
            publish(new ParticipantAttended(sessionId, firm, snapshot, i + 1, n, a.participant(), a.intervals(),
                    a.occurredAt()));
        }
        publish(new AttendanceSnapshotCompleted(sessionId, firm, snapshot, n, List.of("report-1"), "graph",
                Instant.now(), Instant.now()));
    }

    /** A poll; each responder answers at minute {@code at}. */
    void poll(String pollId, int at, PollResponse... responses) {
        publish(new PollUploaded(sessionId, firm, pollId, 1, "Question " + pollId, List.of("A", "B"), false,
                pollId + ".xlsx", "0".repeat(64), "admin@firm.test", responses.length,
                (int) List.of(responses).stream().filter(PollResponse::anonymous).count(), 0, 1, true,
                "America/New_York", Instant.now()));
        publish(new PollResponsesChunk(sessionId, firm, pollId, 1, 1, 1, List.of(responses), Instant.now()));
    }

    static PollResponse answer(String id, String email, String name, int minute) {
        Instant at = START.plusSeconds(minute * 60L);
        return new PollResponse(id, email, name, email == null, List.of("A"), at.minusSeconds(20), at, null, null,
                null);
    }

    void publish(CpeEvent event) {
        try {
            String type = EventCatalog.typeOf(event);
            String body = json.writeValueAsString(event);
            List<String> errors = EventSchemas.validate(type, body);
            if (!errors.isEmpty()) {
                throw new IllegalStateException("fixture " + type + " violates its schema: " + errors);
            }
            KafkaProbe.send(KafkaResource.server().bootstrapServers(), EventCatalog.topicOf(event), event.key(), body,
                    Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", type, "ce_source", "/test",
                            "ce_specversion", "1.0"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
