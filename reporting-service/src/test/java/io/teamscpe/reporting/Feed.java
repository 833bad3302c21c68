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
import io.teamscpe.contracts.session.CreditType;
import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.contracts.session.EnrollmentChunk;
import io.teamscpe.contracts.session.EnrollmentSnapshotCompleted;
import io.teamscpe.contracts.session.RulesetPresets;
import io.teamscpe.contracts.session.RulesetPublished;
import io.teamscpe.contracts.session.RulesetRules;
import io.teamscpe.contracts.session.SessionDetails;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.devstack.kafka.EventSchemas;
import io.teamscpe.devstack.quarkus.KafkaResource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes the upstream services' events for one session, as they would (schema-valid, CloudEvents headers). */
public final class Feed {
    public static final Instant START = Instant.parse("2026-10-05T16:00:00Z");
    public static final Instant END = START.plusSeconds(100 * 60);
    private static KafkaProducer<String, String> producer;

    public final String firm;
    public final String sessionId = UUID.randomUUID().toString();
    private final ObjectMapper json;
    private final List<ParticipantAttended> attendance = new ArrayList<>();
    private int rosterRevision;
    private boolean rulesetPublished;

    public Feed(String firm, ObjectMapper json) {
        this.firm = firm;
        this.json = json;
    }

    /** The ruleset {@link #session()} publishes and names. */
    public static final String RULESET = "NASBA GIB, attendance only";
    /**
     * The NASBA GIB preset (contracts' RulesetPresets) but crediting attendance while a session has no polls: the
     * rules the tests written against reporting's former built-in fallback assert.
     */
    public static final RulesetRules NASBA_GIB_ATTENDANCE_ONLY = attendanceOnly(
            RulesetPresets.byKey("nasba-gib").rules());

    /** The session, worth at most 2 credits, after the ruleset it names ({@link #RULESET}, version 1). */
    public void session() {
        session(1, rulesetId(), 1, new BigDecimal("2"));
    }

    /** The id of the ruleset {@link #session()} publishes; published before the session that names it. */
    public String rulesetId() {
        String id = "rs-" + sessionId;
        if (!rulesetPublished) {
            ruleset(id, RULESET, 1, NASBA_GIB_ATTENDANCE_ONLY);
            rulesetPublished = true;
        }
        return id;
    }

    private static RulesetRules attendanceOnly(RulesetRules r) {
        return new RulesetRules(r.credit(), r.attendance(), r.engagement(), r.tiers(), r.allowedSteps(),
                RulesetRules.WithoutPolls.ATTENDANCE_ONLY);
    }

    public void session(String rulesetId, Integer rulesetVersion) {
        session(1, rulesetId, rulesetVersion, new BigDecimal("2"));
    }

    /** Revision {@code revision} of the session (a higher one replaces it), worth at most {@code maxCredits}. */
    public void session(int revision, String rulesetId, Integer rulesetVersion, BigDecimal maxCredits) {
        session(revision, maxCredits, rulesetId, rulesetVersion, null);
    }

    /**
     * Revision {@code revision} of the session awarding several credit types, as session-service publishes it: the
     * legacy ruleset fields describe the first type.
     */
    public void session(int revision, List<CreditType> creditTypes) {
        CreditType first = creditTypes.get(0);
        session(revision, first.maxCredits(), first.rulesetId(), first.rulesetVersion(), creditTypes);
    }

    private void session(int revision, BigDecimal max, String rulesetId, Integer version, List<CreditType> types) {
        publish(new SessionScheduled(sessionId, firm, revision, new SessionDetails("Ethics 2026", "provider-1",
                "organizer-1", "meeting-" + sessionId, "https://teams.microsoft.com/l/meetup-join/x/0", START, END,
                "America/New_York", max, List.of("Ethics"), "GROUP_INTERNET_BASED", rulesetId, version, types),
                Instant.now()));
    }

    /** A complete roster; each call is a new roster revision that replaces the previous one. */
    public void roster(Enrollee... enrollees) {
        String snapshot = UUID.randomUUID().toString();
        rosterRevision++;
        publish(new EnrollmentChunk(sessionId, firm, snapshot, rosterRevision, 1, 1, List.of(enrollees),
                Instant.now()));
        publish(new EnrollmentSnapshotCompleted(sessionId, firm, snapshot, rosterRevision, 1, enrollees.length,
                Instant.now()));
    }

    /** An attendee of the next attendance snapshot, present from minute {@code m[0]} to {@code m[1]} per interval. */
    public void attendee(String key, String email, String name, boolean anonymous, int[]... minutes) {
        List<Interval> intervals = new ArrayList<>();
        for (int[] m : minutes) {
            intervals.add(new Interval(START.plusSeconds(m[0] * 60L), START.plusSeconds(m[1] * 60L)));
        }
        attendance.add(new ParticipantAttended(sessionId, firm, null, 0, 0, new Participant(key, anonymous ? null
                : key, email, name, "Attendee", anonymous || email == null, anonymous,
                email == null ? List.of("NO_EMAIL") : List.of()), intervals, Instant.now()));
    }

    /** An attendee of the next attendance snapshot with intervals to the second (a null time: Teams gave none). */
    public void attendee(String key, String email, String name, List<Interval> intervals) {
        attendance.add(new ParticipantAttended(sessionId, firm, null, 0, 0, new Participant(key, key, email, name,
                "Attendee", email == null, false, email == null ? List.of("NO_EMAIL") : List.of()), intervals,
                Instant.now()));
    }

    /** Publishes a ruleset version, as session-service does. */
    public void ruleset(String rulesetId, String name, int version, RulesetRules rules) {
        publish(new RulesetPublished(rulesetId, firm, name, version, false, rules, Instant.now()));
    }

    /** An attendance snapshot whose participant events are published, not completed yet. */
    public record StagedSnapshot(String id, int participants) {
    }

    /** Publishes the attendees added since the last snapshot as one complete snapshot; returns its id. */
    public String publishAttendance() {
        StagedSnapshot snapshot = stageAttendance();
        completeAttendance(snapshot);
        return snapshot.id();
    }

    /** Publishes the participant events of a new snapshot (not completed yet) and starts the next one empty. */
    public StagedSnapshot stageAttendance() {
        String snapshot = UUID.randomUUID().toString();
        int n = attendance.size();
        List<CpeEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ParticipantAttended a = attendance.get(i);
            events.add(new ParticipantAttended(sessionId, firm, snapshot, i + 1, n, a.participant(), a.intervals(),
                    a.occurredAt()));
        }
        publishAll(events);
        attendance.clear();
        return new StagedSnapshot(snapshot, n);
    }

    /**
     * Like {@link #stageAttendance()}, but the participant event at {@code index} is lost on the way (as a record
     * dead-lettered or acknowledged and never applied would be); returns it with the snapshot, to send it later.
     */
    public Lost stageAttendanceLosing(int index) {
        ParticipantAttended lost = attendance.remove(index);
        StagedSnapshot partial = stageAttendance();
        StagedSnapshot whole = new StagedSnapshot(partial.id(), partial.participants() + 1);
        return new Lost(whole, new ParticipantAttended(sessionId, firm, whole.id(), whole.participants(),
                whole.participants(), lost.participant(), lost.intervals(), lost.occurredAt()));
    }

    /** A snapshot that announces one participant more than reached the consumer, and that participant's event. */
    public record Lost(StagedSnapshot snapshot, ParticipantAttended event) {
    }

    /** Closes a staged snapshot: reporting then replaces the session's attendance with it. */
    public void completeAttendance(StagedSnapshot snapshot) {
        publish(new AttendanceSnapshotCompleted(sessionId, firm, snapshot.id(), snapshot.participants(),
                List.of("report-1"), "graph", Instant.now(), Instant.now()));
    }

    /** A poll; each responder answers at minute {@code at}. */
    public void poll(String pollId, int at, PollResponse... responses) {
        publish(new PollUploaded(sessionId, firm, pollId, 1, "Question " + pollId, List.of("A", "B"), false,
                pollId + ".xlsx", "0".repeat(64), "admin@firm.test", responses.length,
                (int) List.of(responses).stream().filter(PollResponse::anonymous).count(), 0, 1, true,
                "America/New_York", Instant.now()));
        publish(new PollResponsesChunk(sessionId, firm, pollId, 1, 1, 1, List.of(responses), Instant.now()));
    }

    public static PollResponse answer(String id, String email, String name, int minute) {
        Instant at = START.plusSeconds(minute * 60L);
        return new PollResponse(id, email, name, email == null, List.of("A"), at.minusSeconds(20), at, null, null,
                null);
    }

    public void publish(CpeEvent event) {
        publishAll(List.of(event));
    }

    /**
     * Sends a record as it is (a poison record, say) without waiting: the next publish, through the same producer,
     * follows it closely enough to share its poll.
     */
    public void sendRaw(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer().send(record);
    }

    /** Sends the events in order and returns once the broker has them all. */
    public void publishAll(List<? extends CpeEvent> events) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        for (CpeEvent event : events) {
            sent.add(producer().send(record(event)));
        }
        sent.forEach(Feed::acknowledged);
    }

    /** Publishes {@code event} as the outbox relay does for an event published inside a traced request. */
    public void publishTraced(CpeEvent event, String traceparent) {
        ProducerRecord<String, String> record = record(event);
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        sendAndWait(record);
    }

    /**
     * Puts {@code event} straight onto its topic's dead-letter twin, as a consumer that could not apply it would
     * have (with a dead-letter reason); returns its event id.
     */
    public String parkInDeadLetter(CpeEvent event, String reason) {
        ProducerRecord<String, String> published = record(event);
        ProducerRecord<String, String> parked = new ProducerRecord<>(published.topic() + ".dlt", null, published.key(),
                published.value(), published.headers());
        parked.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        sendAndWait(parked);
        return new String(published.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }

    private static void sendAndWait(ProducerRecord<String, String> record) {
        acknowledged(producer().send(record));
    }

    private static void acknowledged(Future<RecordMetadata> ack) {
        try {
            ack.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to Kafka", e);
        }
    }

    private ProducerRecord<String, String> record(CpeEvent event) {
        try {
            String type = EventCatalog.typeOf(event);
            String body = json.writeValueAsString(event);
            List<String> errors = EventSchemas.validate(type, body);
            if (!errors.isEmpty()) {
                throw new IllegalStateException("fixture " + type + " violates its schema: " + errors);
            }
            ProducerRecord<String, String> record = new ProducerRecord<>(EventCatalog.topicOf(event), event.key(),
                    body);
            Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", type, "ce_source", "/test",
                    "ce_specversion", "1.0").forEach((k, v) -> record.headers().add(k,
                    v.getBytes(StandardCharsets.UTF_8)));
            return record;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One producer per JVM, as a service has: creating one per event would cost more than the test. */
    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }
}
