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
import io.teamscpe.devstack.demo.FormsExport;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an admin reviews before processing: people with no credit, respondents nobody can identify, two devices. */
@ExtendWith(SharedStack.class)
class ReviewTest {
    private static Stack stack;
    private static DemoFlow.Result demo;

    @BeforeAll
    static void prepare() {
        stack = SharedStack.stack();
        demo = DemoFlow.execute(stack.endpoints(), stack.emulator());
    }

    @Test
    void anEnrolledNoShowIsListedWithNoCreditAndTheReason() {
        JsonNode row = Reports.row(demo.completion(), "no.show.one@contoso.com");
        assertThat(row.path("matchStatus").asText()).isEqualTo("ENROLLED");
        assertThat(row.path("intervals").asInt()).isZero();
        assertThat(row.path("minutesPresent").asLong()).isZero();
        assertThat(row.path("finalCredit").decimalValue()).isEqualByComparingTo("0");
        assertThat(row.path("reason").asText()).startsWith("0 credits: present 0 min")
                .contains("answered 0 of 6 polls");

        assertThat(row.path("attendance").asText()).isEqualTo("NO_SHOW");

        assertThat(Reports.creditEvents(stack, demo.sessionId(), DemoData.ROSTER_SIZE - DemoData.NO_SHOWS))
                .as("downstream gets no credit event for someone who never joined")
                .noneMatch(e -> e.professionalId().equals(row.path("participantId").asText()));
    }

    @Test
    void pollRespondentsNobodyCanIdentifyAreListedForReviewAndEarnNoCredit() {
        Api api = new Api(new ObjectMapper(), DemoFlow.adminToken(stack.emulator()));
        String polls = stack.endpoints().pollingService() + "/api/sessions/" + demo.sessionId() + "/polls";
        JsonNode respondents = api.get(polls + "/respondents").expect(200).body();
        JsonNode unknown = StreamSupport.stream(respondents.path("unmatched").spliterator(), false)
                .filter(r -> DemoPolls.UNKNOWN_RESPONDENT.equals(r.path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("not listed for review: " + respondents.path("unmatched")));
        assertThat(unknown.path("email").asText("")).isEmpty();
        assertThat(unknown.path("professionalId").isNull()).isTrue();
        assertThat(unknown.path("responses").asInt()).isEqualTo(1);
        long anonymous = DemoPolls.build().stream().flatMap(p -> p.responses().stream())
                .filter(FormsExport.Response::isAnonymous).count();
        assertThat(anonymous).isPositive();
        assertThat(respondents.path("anonymousResponses").asLong()).isEqualTo(anonymous);
        int anonymousInPolls = 0;
        int unmatchedInPolls = 0;
        for (JsonNode p : api.get(polls).expect(200).body().path("polls")) {
            anonymousInPolls += p.path("anonymousCount").asInt();
            unmatchedInPolls += p.path("unmatchedCount").asInt();
        }
        assertThat(anonymousInPolls).as("counted in the polls' totals").isEqualTo(anonymous);
        assertThat(unmatchedInPolls).isEqualTo(1);

        List<JsonNode> rows = StreamSupport.stream(demo.completion().path("rows").spliterator(), false).toList();
        assertThat(rows).noneMatch(r -> r.path("displayName").asText().contains(DemoPolls.UNKNOWN_RESPONDENT));
        Set<String> enrolled = new HashSet<>();
        rows.stream().filter(r -> r.path("matchStatus").asText().equals("ENROLLED"))
                .forEach(r -> enrolled.add(r.path("participantId").asText()));
        assertThat(Reports.creditEvents(stack, demo.sessionId(), DemoData.ROSTER_SIZE - DemoData.NO_SHOWS))
                .extracting(CreditEvent::professionalId).allMatch(enrolled::contains);
    }

    @Test
    void someoneOnTwoDevicesIsCreditedForTheUnionOfTheirTimeNotTheSum() {
        PanelMeeting.Session panel = PanelMeeting.REVIEW.prepare(stack);
        JsonNode row = Reports.row(panel.prepared().completion(), PanelMeeting.BLAKE.email());
        assertThat(row.path("intervals").asInt()).isEqualTo(2);
        assertThat(row.path("minutesPresent").asLong()).as("5–90 and 30–70 overlap: 85 min, not 125").isEqualTo(85);
        assertThat(row.path("pollsAnswered").asInt()).isEqualTo(6);
        assertThat(row.path("finalCredit").decimalValue()).as("the sum would have reached the 2-credit cap")
                .isEqualByComparingTo("1.6");
        assertThat(row.path("reason").asText()).startsWith("1.6 credits: present 85 min (union of 2 intervals)");

        JsonNode processing = panel.steps().process();
        CreditEvent event = panel.steps().published(processing).stream()
                .filter(e -> e.professionalId().equals(PanelMeeting.BLAKE.lmsId())).findFirst().orElseThrow();
        assertThat(event.award().path("minutesPresent").asLong()).isEqualTo(85);
        assertThat(event.award().path("credits").decimalValue()).isEqualByComparingTo("1.6");
    }
}
