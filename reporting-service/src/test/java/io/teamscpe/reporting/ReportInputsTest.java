package io.teamscpe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.contracts.session.RulesetPublished;
import io.teamscpe.contracts.session.RulesetRules;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.KafkaResource;
import io.teamscpe.devstack.quarkus.Tokens;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The Completion report an admin reads always reflects the session's latest ruleset, roster and attendance, however
 * the events that carry them are batched.
 */
@QuarkusTest
class ReportInputsTest {
    static final String FIRM = "firm-inputs";
    static final Enrollee ANN = new Enrollee("ann", "ann@firm.test", List.of(), "Ann Archer");
    static final Enrollee BOB = new Enrollee("bob", "bob@firm.test", List.of(), "Bob Baker");
    /** 60-minute credits in halves, attendance alone. */
    static final RulesetRules CLE = new RulesetRules(
            new RulesetRules.Credit(60, BigDecimal.ONE, new BigDecimal("0.5"), null),
            new RulesetRules.Attendance(RulesetRules.Counting.UNION, RulesetRules.Clip.SCHEDULED, 0),
            new RulesetRules.Engagement(RulesetRules.EngagementMode.NONE, null, null, false, null),
            List.of(), List.of(), RulesetRules.WithoutPolls.ATTENDANCE_ONLY);

    @Inject
    ObjectMapper json;

    @Test
    void theReportFollowsEachChangeOfRulesetRosterAndAttendance() {
        Feed feed = new Feed(FIRM, json);
        String rulesetId = "cle-" + feed.sessionId;
        feed.session(rulesetId, 1);
        feed.roster(ANN);
        feed.attendee("oid-ann", "ann@firm.test", "Ann Archer", false, new int[] {0, 100});
        feed.publishAttendance();
        // the ruleset the session names has not arrived: no credit, and no fallback rules either
        awaitReport(feed, r -> {
            assertThat(r.getString("ruleset")).isNull();
            assertThat(row(r, "ann")).containsEntry("suggestedCredit", null).containsEntry("minutesPresent", 100)
                    .containsEntry("reason", "waiting for the session's ruleset: no credit is computed until the "
                            + "ruleset version the session names has reached reporting");
            assertThat(r.getString("freshness.note")).startsWith("Waiting for the session's ruleset " + rulesetId
                    + " version 1 to reach reporting.");
        });

        feed.publish(new RulesetPublished(rulesetId, FIRM, "CLE 60", 1, false, CLE, Instant.now()));
        awaitReport(feed, r -> {
            assertThat(r.getString("ruleset")).isEqualTo("CLE 60");
            assertThat(row(r, "ann").get("suggestedCredit").toString()).isEqualTo("1.5");
        });

        feed.roster(ANN, BOB);
        awaitReport(feed, r -> assertThat(row(r, "bob")).containsEntry("matchStatus", "ENROLLED")
                .containsEntry("minutesPresent", 0));

        feed.attendee("oid-ann", "ann@firm.test", "Ann Archer", false, new int[] {0, 50});
        feed.attendee("oid-bob", "bob@firm.test", "Bob Baker", false, new int[] {0, 100});
        String second = feed.publishAttendance();
        awaitReport(feed, r -> {
            assertThat(r.getString("freshness.attendanceSnapshotId")).isEqualTo(second);
            assertThat(row(r, "ann")).containsEntry("minutesPresent", 50);
            assertThat(row(r, "bob")).containsEntry("minutesPresent", 100);
        });
    }

    @Test
    void aPoisonRecordIsDeadLetteredAloneAndTheRestOfItsBatchApplies() {
        Feed feed = new Feed(FIRM, json);
        feed.session();
        feed.roster(ANN);
        feed.attendee("oid-ann", "ann@firm.test", "Ann Archer", false, new int[] {0, 100});
        Feed.StagedSnapshot staged = feed.stageAttendance();
        String poison = "poison-" + feed.sessionId;
        feed.sendRaw("cpe.attendance.v1", feed.sessionId, "{\"participant\": ", Map.of("ce_id", poison,
                "ce_type", "io.teamscpe.attendance.participant.v1", "ce_source", "/test", "ce_specversion", "1.0"));
        feed.completeAttendance(staged);

        awaitReport(feed, r -> {
            assertThat(r.getString("freshness.attendanceSnapshotId")).isEqualTo(staged.id());
            assertThat(row(r, "ann")).containsEntry("minutesPresent", 100);
        });
        List<ConsumerRecord<String, String>> deadLetters = KafkaProbe.await(KafkaResource.bootstrapServers(),
                "cpe.attendance.v1.dlt", r -> feed.sessionId.equals(r.key()), 1);
        assertThat(deadLetters).extracting(r -> KafkaProbe.header(r, "ce_id")).containsExactly(poison);
    }

    private static void awaitReport(Feed feed, Consumer<JsonPath> expectation) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> expectation.accept(
                given().auth().oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion", feed.sessionId)
                        .then().statusCode(200).extract().jsonPath()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(JsonPath report, String participantId) {
        return report.getList("rows", Map.class).stream()
                .filter(r -> participantId.equals(r.get("participantId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + participantId));
    }
}
