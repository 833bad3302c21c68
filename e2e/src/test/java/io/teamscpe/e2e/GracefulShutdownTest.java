package io.teamscpe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.teamscpe.contracts.Topics;
import io.teamscpe.devstack.ServiceProcess;
import io.teamscpe.devstack.Stack;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.emulator.DemoScenario;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A replica stopped the way Kubernetes stops a pod (SIGTERM) in the middle of a stream of events finishes by itself
 * within its grace period, loses nothing and parks nothing on a dead-letter topic: what it had not acknowledged is
 * consumed after it starts again, and the report shows every attendee.
 */
@ExtendWith(SharedStack.class)
class GracefulShutdownTest {
    private static final int ATTENDEES = 1_500;

    @Test
    void reportingStoppedMidStreamLosesNothingAndDeadLettersNothing() {
        Stack stack = SharedStack.stack();
        String bootstrap = stack.endpoints().kafkaBootstrapServers();
        List<ConferenceDay.Session> day = ConferenceDay.build(1, ATTENDEES);
        ConferenceDay.Session session = day.get(0);
        stack.emulator().edits().addMeeting(DemoScenario.TENANT_ID, session.meeting());
        ConferenceDayDriver driver = new ConferenceDayDriver(stack);
        String id = driver.createSessions(day).get(0);
        driver.enroll(id, session);
        driver.awaitKnownToAttendance(id);

        ServiceProcess reporting = stack.replicas(Stack.Service.REPORTING).get(0);
        driver.refresh(id);
        KafkaProbe.await(bootstrap, "cpe.attendance.v1", r -> r.key().equals(id), 1, Duration.ofSeconds(90));
        reporting.stop();
        assertThat(reporting.exitCode()).as("stopped by itself on SIGTERM, not killed after the grace period")
                .isNotEqualTo(137);
        reporting.restart(Map.of());
        reporting.awaitReady(Duration.ofMinutes(3));

        Map<String, Long> expected = new HashMap<>();
        session.expected().forEach((lmsId, e) -> expected.put(lmsId, e.minutes()));
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(minutesByProfessional(driver.completionNow(id))).isEqualTo(expected));
        for (String topic : List.of(Topics.SESSIONS, Topics.ATTENDANCE)) {
            assertThat(TopicDump.read(bootstrap, Topics.deadLetter(topic))).as(Topics.deadLetter(topic))
                    .noneMatch(r -> id.equals(r.key()));
        }
    }

    private static Map<String, Long> minutesByProfessional(JsonNode report) {
        Map<String, Long> minutes = new HashMap<>();
        if (report != null) {
            report.path("rows").forEach(row -> {
                if (row.path("matchStatus").asText().equals("ENROLLED")) {
                    minutes.put(row.path("participantId").asText(), row.path("minutesPresent").asLong());
                }
            });
        }
        return minutes;
    }
}
