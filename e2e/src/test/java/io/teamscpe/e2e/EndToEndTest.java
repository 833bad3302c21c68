package io.teamscpe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.devstack.Stack;
import io.teamscpe.devstack.demo.Api;
import io.teamscpe.devstack.demo.CreditEvent;
import io.teamscpe.devstack.demo.DemoData;
import io.teamscpe.devstack.demo.DemoFlow;
import io.teamscpe.devstack.demo.DemoPolls;
import io.teamscpe.devstack.kafka.EventSchemas;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.emulator.DemoScenario;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole suite as users run it ({@link SharedStack}), crossing services only through Kafka and the token broker:
 * the demo from credential to processed credit, a Kafka outage, replays and poison.
 */
@ExtendWith(SharedStack.class)
class EndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static Stack stack;

    @BeforeAll
    static void start() {
        stack = SharedStack.stack();
    }

    @Test
    void oneSessionFlowsFromCredentialToCompletion() {
        DemoFlow.Result result = DemoFlow.execute(stack.endpoints(), stack.emulator());
        assertThat(result.validation().path("status").asText()).isEqualTo("VALID");
        assertThat(result.attendance().path("reportsUsed").get(0).asText()).isEqualTo(DemoScenario.REPORT_ID);
        assertThat(result.polls().path("polls")).hasSize(DemoPolls.build().size());
        assertThat(result.completion().path("freshness").path("pollsIncluded").asInt())
                .isEqualTo(DemoPolls.build().size());

        Map<String, BigDecimal> cpa = new TreeMap<>();
        Map<String, BigDecimal> cfp = new TreeMap<>();
        int others = 0;
        for (JsonNode row : result.completion().path("rows")) {
            assertThat(row.path("reason").asText()).isNotBlank();
            if (row.path("matchStatus").asText().equals("ENROLLED")) {
                Map<String, BigDecimal> byType = switch (row.path("creditType").asText()) {
                    case DemoData.CPA -> cpa;
                    case DemoData.CFP -> cfp;
                    default -> throw new AssertionError("credit type of " + row);
                };
                byType.put(row.path("email").asText(), row.path("finalCredit").decimalValue());
            } else {
                others++;
            }
        }
        assertThat(cpa).containsAllEntriesOf(ExpectedCredit.byParticipant()).hasSize(DemoData.ROSTER_SIZE);
        assertThat(cpa).containsEntry("no.show.one@contoso.com", new BigDecimal("0.0"));
        assertThat(cpa.values()).contains(new BigDecimal("2.0"));
        Map<String, BigDecimal> cfpExpected = new TreeMap<>(ExpectedCredit.cfpByParticipant());
        cfpExpected.keySet().removeIf(email -> !DemoData.seeksCfp(email));
        int cfpSeekers = cfpExpected.size() + 1;
        assertThat(cfp).as("CFP credit only for those who seek it").hasSize(cfpSeekers)
                .containsAllEntriesOf(cfpExpected);
        assertThat(others).as("guests and anonymous joiners are kept for review, one row per credit type")
                .isBetween(2, 2 * 3);

        JsonNode guest = Reports.row(result.completion(), "jordan.ellis@contoso.com");
        assertThat(guest.path("matchMethod").asText()).as("the guest is mapped to her enrollment").isEqualTo("MAPPED");
        assertThat(cfp).as("the mapped guest's attendance earns her CFP credit")
                .containsEntry("jordan.ellis@contoso.com", ExpectedCredit.cfp(ExpectedCredit.secondsOf(
                        DemoData.GUEST_NAME)));
        assertThat(result.completion().path("creditTypes").findValuesAsText("code"))
                .containsExactly(DemoData.CPA, DemoData.CFP);

        int noShows = DemoData.NO_SHOWS;
        int events = DemoData.ROSTER_SIZE - noShows + cfpSeekers;
        assertThat(result.processing().path("noShows").asInt()).as("no credit event for a no-show").isEqualTo(noShows);
        assertThat(result.processing().path("awarded").asInt() + result.processing().path("unchanged").asInt())
                .isEqualTo(events);
        List<ConsumerRecord<String, String>> credits = KafkaProbe.await(stack.endpoints().kafkaBootstrapServers(),
                "cpe.credits.v1", r -> r.key().equals(result.sessionId()), events, Duration.ofSeconds(60));
        assertThat(credits).hasSize(events);
        assertThat(credits).noneMatch(r -> r.value().contains("no.show."));
        Map<String, Integer> perType = new TreeMap<>();
        for (ConsumerRecord<String, String> r : credits) {
            assertThat(EventSchemas.validate(KafkaProbe.header(r, "ce_type"), r.value())).isEmpty();
            perType.merge(CreditEvent.of(r).creditType(), 1, Integer::sum);
        }
        assertThat(perType).containsExactly(Map.entry(DemoData.CFP, cfpSeekers),
                Map.entry(DemoData.CPA, DemoData.ROSTER_SIZE - noShows));
    }

    @Test
    void anEventWrittenWhileKafkaIsDownIsDeliveredWhenItIsBack() {
        String providerId = DemoFlow.execute(stack.endpoints(), stack.emulator()).providerId();
        Api api = new Api(JSON, DemoFlow.adminToken(stack.emulator()));
        stack.kafka().stop();
        String sessionId;
        try {
            Map<String, Object> body = new HashMap<>();
            body.put("title", DemoScenario.RECURRING_SUBJECT);
            body.put("scheduledStart", "2026-10-12T16:00:00Z");
            body.put("scheduledEnd", "2026-10-12T17:00:00Z");
            body.put("timeZone", "America/Chicago");
            body.put("providerId", providerId);
            body.put("organizerId", DemoScenario.ORGANIZER_ID);
            body.put("joinUrl", DemoScenario.RECURRING_JOIN_URL);
            sessionId = api.post(stack.endpoints().sessionService() + "/api/sessions", body).expect(201).body()
                    .path("id").asText();
            assertThat(api.get(stack.endpoints().attendanceService() + "/api/sessions/" + sessionId + "/attendance")
                    .status()).isEqualTo(404);
        } finally {
            stack.kafka().restart();
        }
        String url = stack.endpoints().attendanceService() + "/api/sessions/" + sessionId + "/attendance";
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(api.get(url).status()).isEqualTo(200));
        assertThat(KafkaProbe.await(stack.endpoints().kafkaBootstrapServers(), "cpe.sessions.v1",
                r -> r.key().equals(sessionId), 1, Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void replayedEventsChangeNothingAndPoisonGoesToTheDeadLetterTopic() {
        DemoFlow.Result before = DemoFlow.execute(stack.endpoints(), stack.emulator());
        String bootstrap = stack.endpoints().kafkaBootstrapServers();
        List<ConsumerRecord<String, String>> published = KafkaProbe.await(bootstrap, "cpe.attendance.v1",
                r -> r.key().equals(before.sessionId()), 1, Duration.ofSeconds(30));
        for (ConsumerRecord<String, String> r : published) {
            assertThat(EventSchemas.validate(KafkaProbe.header(r, "ce_type"), r.value())).isEmpty();
            assertThat(r.serializedValueSize()).isLessThan(100_000);
        }
        for (ConsumerRecord<String, String> r : published) {
            Map<String, String> headers = new HashMap<>();
            for (Header h : r.headers()) {
                headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8));
            }
            KafkaProbe.send(bootstrap, "cpe.attendance.v1", r.key(), r.value(), headers);
        }
        KafkaProbe.send(bootstrap, "cpe.attendance.v1", before.sessionId(), "{\"not\": \"an attendance event\"",
                Map.of("ce_id", "poison-" + before.sessionId(), "ce_type", "io.teamscpe.attendance.participant.v1",
                        "ce_source", "/e2e", "ce_specversion", "1.0"));
        assertThat(KafkaProbe.await(bootstrap, "cpe.attendance.v1.dlt",
                r -> KafkaProbe.header(r, "ce_id").equals("poison-" + before.sessionId()), 1,
                Duration.ofSeconds(60))).isNotEmpty();

        Api api = new Api(JSON, DemoFlow.adminToken(stack.emulator()));
        JsonNode after = api.getAll(stack.endpoints().reportingService() + "/api/sessions/" + before.sessionId()
                + "/completion", "rows").expect(200).body();
        assertThat(after.path("rows")).isEqualTo(before.completion().path("rows"));
    }
}
