package io.teamscpe.e2e;

import static io.teamscpe.e2e.PanelMeeting.AVERY;
import static io.teamscpe.e2e.PanelMeeting.BLAKE;
import static io.teamscpe.e2e.PanelMeeting.CASEY;
import static io.teamscpe.e2e.PanelMeeting.DEVON;
import static io.teamscpe.e2e.PanelMeeting.EMERY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.teamscpe.devstack.demo.CreditEvent;
import io.teamscpe.devstack.demo.SessionSteps;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An admin changes credit after the fact; downstream systems get exactly the corrections, with the reasons. */
@ExtendWith(SharedStack.class)
class CorrectionsTest {
    private static final String OVERRIDE_REASON = "Answered poll 3 in the meeting chat; confirmed by the presenter";

    @Test
    void anOverrideAndItsReasonReachTheReportAndTheCreditEvent() {
        PanelMeeting.Session session = PanelMeeting.OVERRIDES.prepare(SharedStack.stack());
        SessionSteps steps = session.steps();
        JsonNode before = Reports.row(session.prepared().completion(), CASEY.email());
        assertThat(before.path("finalCredit").decimalValue()).as("5 of 6 polls").isEqualByComparingTo("1.6");

        steps.override(before.path("participantId").asText(), "2.0", OVERRIDE_REASON);
        JsonNode row = Reports.row(steps.completionWhen(c -> Reports.row(c, CASEY.email()).path("override")
                .has("reason")), CASEY.email());
        assertThat(row.path("suggestedCredit").decimalValue()).isEqualByComparingTo("1.6");
        assertThat(row.path("finalCredit").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(row.path("override").path("credit").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(row.path("override").path("reason").asText()).isEqualTo(OVERRIDE_REASON);
        assertThat(row.path("override").path("by").asText()).isNotBlank();

        JsonNode processing = steps.process();
        assertThat(processing.path("awarded").asInt()).as("Emery never joined: no event")
                .isEqualTo(PanelMeeting.ROSTER.size() - 1);
        assertThat(processing.path("noShows").asInt()).isEqualTo(1);
        Map<String, CreditEvent> events = byProfessional(steps, processing);
        assertThat(events.get(CASEY.lmsId()).award().path("credits").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(events.get(CASEY.lmsId()).award().path("overrideReason").asText()).isEqualTo(OVERRIDE_REASON);
        assertThat(events.values()).filteredOn(e -> !e.professionalId().equals(CASEY.lmsId()))
                .hasSize(PanelMeeting.ROSTER.size() - 2)
                .allMatch(e -> e.award().path("overrideReason").isNull(), "no override reason");
    }

    @Test
    void excludingAPollAndProcessingAgainCorrectsOnlyTheProfessionalsItAffects() {
        PanelMeeting.Session session = PanelMeeting.CORRECTIONS.prepare(SharedStack.stack());
        SessionSteps steps = session.steps();
        assertThat(steps.process().path("awarded").asInt()).isEqualTo(PanelMeeting.ROSTER.size() - 1);
        String poll3 = StreamSupport.stream(session.prepared().polls().path("polls").spliterator(), false)
                .filter(p -> p.path("fileName").asText().contains(" - Poll 3(")).findFirst().orElseThrow()
                .path("id").asText();

        steps.excludePoll(poll3, "Launched while the screen share was frozen: nobody saw the question");
        JsonNode completion = steps.completionWhen(c -> c.path("freshness").path("pollsExcluded").asInt() == 1);
        assertThat(credit(completion, AVERY)).as("5 of 5 polls support 1.6").isEqualByComparingTo("1.6");
        assertThat(credit(completion, BLAKE)).as("85 min: unchanged").isEqualByComparingTo("1.6");
        assertThat(credit(completion, CASEY)).as("never answered poll 3: unchanged").isEqualByComparingTo("1.6");
        assertThat(credit(completion, DEVON)).as("2 of 5 polls: below the first credit").isEqualByComparingTo("0");
        assertThat(credit(completion, EMERY)).isEqualByComparingTo("0");

        JsonNode processing = steps.process();
        assertThat(processing.path("awarded").asInt()).isZero();
        assertThat(processing.path("revised").asInt()).isEqualTo(2);
        assertThat(processing.path("revoked").asInt()).isZero();
        assertThat(processing.path("unchanged").asInt()).isEqualTo(2);
        assertThat(processing.path("noShows").asInt()).as("Emery, still without an event").isEqualTo(1);
        Map<String, CreditEvent> corrections = byProfessional(steps, processing);
        assertThat(corrections).containsOnlyKeys(AVERY.lmsId(), DEVON.lmsId());
        assertThat(corrections.values()).allMatch(e -> e.type().equals(CreditEvent.REVISED), "revised");
        assertRevised(corrections.get(AVERY.lmsId()), "2.0", "1.6");
        assertRevised(corrections.get(DEVON.lmsId()), "1.0", "0");

        Map<String, Long> perProfessional = Reports.creditEvents(SharedStack.stack(), steps.sessionId(),
                        PanelMeeting.ROSTER.size() + 1).stream()
                .collect(Collectors.groupingBy(CreditEvent::professionalId, Collectors.counting()));
        assertThat(perProfessional).containsExactlyInAnyOrderEntriesOf(Map.of(AVERY.lmsId(), 2L, DEVON.lmsId(), 2L,
                BLAKE.lmsId(), 1L, CASEY.lmsId(), 1L));
    }

    private static void assertRevised(CreditEvent event, String previous, String now) {
        assertThat(event.data().path("previousCredits").decimalValue()).isEqualByComparingTo(previous);
        assertThat(event.award().path("credits").decimalValue()).isEqualByComparingTo(now);
        assertThat(event.award().path("pollsPresented").asInt()).isEqualTo(5);
    }

    private static BigDecimal credit(JsonNode completion, PanelMeeting.Person person) {
        return Reports.row(completion, person.email()).path("finalCredit").decimalValue();
    }

    private static Map<String, CreditEvent> byProfessional(SessionSteps steps, JsonNode processing) {
        return steps.published(processing).stream()
                .collect(Collectors.toMap(CreditEvent::professionalId, Function.identity()));
    }
}
