package io.teamscpe.attendance;

import static io.restassured.RestAssured.given;
import static io.teamscpe.attendance.Sessions.FIRM;
import static io.teamscpe.attendance.Sessions.attendanceEvents;
import static io.teamscpe.attendance.Sessions.refreshUntil;
import static io.teamscpe.attendance.Sessions.schedule;
import static io.teamscpe.attendance.Sessions.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.teamscpe.attendance.service.FetchScheduler;
import io.teamscpe.contracts.EventCatalog;
import io.teamscpe.contracts.session.SessionDetails;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.devstack.kafka.EventSchemas;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.KafkaResource;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.Scenario;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attendance from the emulated Graph through the real SDK, into PostgreSQL and Kafka. */
@QuarkusTest
class AttendanceIngestTest {
    @Inject
    ObjectMapper json;
    @Inject
    FetchScheduler ingestion;
    @Inject
    EntityManager em;

    @BeforeEach
    void scenario() {
        GraphEmulatorResource.emulator().loadScenario(DemoScenario.build());
    }

    @Test
    void aMeetingIsFetchedWithGuestsKeptAndARefetchPublishesNothingTwice() {
        String session = schedule(json, DemoScenario.MEETING_ID, DemoScenario.MEETING_START, DemoScenario.MEETING_END);
        JsonPath first = refreshUntil(session, "READY");
        assertThat(first.getList("reportsUsed")).containsExactly(DemoScenario.REPORT_ID);
        assertThat(first.getInt("records")).isEqualTo(DemoScenario.RECORD_COUNT);
        // the snapshot-completed event is published last on the session's partition: once it is visible, all are
        ConsumerRecord<String, String> completed = KafkaProbe.await(KafkaResource.server().bootstrapServers(),
                "cpe.attendance.v1", r -> r.key().equals(session) && "io.teamscpe.attendance.snapshot-completed.v1"
                        .equals(KafkaProbe.header(r, "ce_type")), 1, Duration.ofSeconds(30)).get(0);
        int participants = JsonPath.from(completed.value()).getInt("participantCount");
        List<ConsumerRecord<String, String>> events = attendanceEvents(session, participants + 1);
        assertThat(events).hasSize(participants + 1);
        assertThat(KafkaProbe.header(events.get(participants), "ce_type"))
                .isEqualTo("io.teamscpe.attendance.snapshot-completed.v1");
        assertThat(events).allSatisfy(r ->
                assertThat(EventSchemas.validate(KafkaProbe.header(r, "ce_type"), r.value())).isEmpty());
        assertThat(events).anySatisfy(r -> assertThat(r.value()).contains("NO_EMAIL"));
        assertThat(events).anySatisfy(r -> assertThat(r.value()).contains("NULL_INTERVAL"));

        JsonPath second = refreshUntil(session, "READY");
        assertThat(second.getString("detail")).startsWith("Unchanged");
        assertThat(second.getString("snapshotId")).isEqualTo(first.getString("snapshotId"));
        assertThat(attendanceEvents(session, events.size())).hasSize(events.size());
    }

    /** A delegated provider (the organizer signed in) reads on {@code /me}: the same snapshot as the application. */
    @Test
    void aDelegatedProviderReadsTheOrganizersOwnMeetingOnMe() {
        String application = schedule(json, DemoScenario.MEETING_ID, DemoScenario.MEETING_START,
                DemoScenario.MEETING_END);
        String delegated = schedule(json, TestTokenBroker.DELEGATED_PROVIDER, DemoScenario.MEETING_ID,
                DemoScenario.MEETING_START, DemoScenario.MEETING_END, "America/New_York");
        JsonPath viaUsers = refreshUntil(application, "READY");
        JsonPath viaMe = refreshUntil(delegated, "READY");
        assertThat(viaMe.getList("reportsUsed")).containsExactly(DemoScenario.REPORT_ID);
        assertThat(viaMe.getInt("records")).isEqualTo(DemoScenario.RECORD_COUNT);
        assertThat(contentHash(viaMe)).isEqualTo(contentHash(viaUsers));
    }

    private String contentHash(JsonPath job) {
        return (String) em.createNativeQuery("select content_hash from attendance_snapshot where id = ?1")
                .setParameter(1, job.getString("snapshotId")).getSingleResult();
    }

    @Test
    void aRecurringMeetingYieldsOnlyTheSessionsOccurrence() {
        Instant start = Instant.parse("2026-10-12T00:00:00Z");
        String session = schedule(json, DemoScenario.RECURRING_MEETING_ID, start, start.plus(Duration.ofDays(1)));
        assertThat(refreshUntil(session, "READY").getList("reportsUsed"))
                .containsExactly(DemoScenario.RECURRING_REPORT_2_ID);
    }

    @Test
    void aReportThatAppearsLateIsPickedUpByTheScheduler() {
        Scenario demo = DemoScenario.build();
        Scenario.Tenant t = demo.tenants().get(0);
        GraphEmulatorResource.emulator().loadScenario(new Scenario(List.of(new Scenario.Tenant(t.id(),
                t.displayName(), t.apps(), t.users(), t.meetings().stream().map(m -> new Scenario.Meeting(m.id(),
                        m.organizerId(), m.joinWebUrl(), m.subject(), m.startDateTime(), m.endDateTime(),
                        m.creationDateTime(), m.isBroadcast(), m.chatThreadId(), List.of())).toList())),
                demo.graphPageSize(), demo.tokenLifetimeSeconds()));
        String session = schedule(json, DemoScenario.MEETING_ID, DemoScenario.MEETING_START, DemoScenario.MEETING_END);
        assertThat(refreshUntil(session, "WAITING_FOR_REPORT").getString("detail")).contains("two hours");

        GraphEmulatorResource.emulator().loadScenario(demo);
        ingestion.runDueFetches();
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(status(session).getString("state")).isEqualTo("READY"));
    }

    @Test
    void anotherFirmCannotSeeOrRefresh() {
        String session = schedule(json, DemoScenario.MEETING_ID, DemoScenario.MEETING_START, DemoScenario.MEETING_END);
        given().auth().oauth2(Tokens.admin("firm-else")).post("/api/sessions/{id}/attendance/refresh", session)
                .then().statusCode(404).contentType("application/problem+json");
    }
}
