package io.teamscpe.polling;

import static io.restassured.RestAssured.given;
import static io.teamscpe.polling.Fixtures.END;
import static io.teamscpe.polling.Fixtures.LOCAL_START;
import static io.teamscpe.polling.Fixtures.START;
import static io.teamscpe.polling.Fixtures.attendee;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.teamscpe.contracts.attendance.AttendanceSnapshotCompleted;
import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.contracts.attendance.Participant;
import io.teamscpe.contracts.attendance.ParticipantAttended;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.polling.Fixtures.Part;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Kafka delivers at least once and the relay may send a record again: copies carry their original's ce_id, and the
 * inbox applies each event once — whether the copy arrives in the same batch as its original or in a later one.
 */
@QuarkusTest
class RedeliveryTest {
    @Inject
    ObjectMapper json;
    @Inject
    MeterRegistry metrics;

    @Test
    void copiesOfAttendanceEventsAreDiscardedAndCountedAsDuplicates() {
        String firm = "firm-redelivery";
        String session = Fixtures.session(json, firm);
        List<Participant> people = List.of(attendee("oid-ann", "ann@contoso.com", "Ann Archer"),
                attendee("oid-bob", "bob@contoso.com", "Bob Baker"),
                attendee("oid-cy", "cy@contoso.com", "Cy Chen"));
        double duplicatesBefore = count("duplicate");
        String snapshot = UUID.randomUUID().toString();
        int seq = 0;
        for (Participant p : people) {
            ParticipantAttended event = new ParticipantAttended(session, firm, snapshot, ++seq, people.size(), p,
                    List.of(new Interval(START, END)), Instant.now());
            String eventId = UUID.randomUUID().toString();
            Fixtures.publish(json, event, eventId);
            Fixtures.publish(json, event, eventId);
        }
        String completedId = UUID.randomUUID().toString();
        AttendanceSnapshotCompleted completed = new AttendanceSnapshotCompleted(session, firm, snapshot,
                people.size(), List.of("report-1"), "graph", Instant.now(), Instant.now());
        Fixtures.publish(json, completed, completedId);
        Fixtures.publish(json, completed, completedId);

        byte[] poll = FormsExports.poll("Which standard applies?")
                .response("ann@contoso.com", "Ann Archer", "ASC 842", LOCAL_START.plusMinutes(20))
                .response("bob@contoso.com", "Bob Baker", "ASC 606", LOCAL_START.plusMinutes(21))
                .response("cy@contoso.com", "Cy Chen", "ASC 842", LOCAL_START.plusMinutes(22))
                .xlsx();
        Fixtures.upload(firm, session, new Part("standards.xlsx", poll)).then().statusCode(201);

        // the snapshot counted each participant once (a doubled one would be "incomplete" or over-full)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.admin(firm))
                .get("/api/sessions/{id}/polls", session).then().body("polls[0].matchedCount", equalTo(3)));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(count("duplicate") - duplicatesBefore).isEqualTo(4));
    }

    private double count(String outcome) {
        return metrics.find("teamscpe.events.consumed").tag("consumer", "polling").tag("topic", "cpe.attendance.v1")
                .tag("outcome", outcome).counters().stream().mapToDouble(Counter::count).sum();
    }
}
