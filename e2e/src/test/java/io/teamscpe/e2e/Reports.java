package io.teamscpe.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.teamscpe.contracts.Topics;
import io.teamscpe.devstack.Stack;
import io.teamscpe.devstack.demo.CreditEvent;
import io.teamscpe.devstack.kafka.KafkaProbe;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

/** The Completion report and cpe.credits.v1 as a reviewer reads them: person by person. */
final class Reports {
    private Reports() {
    }

    /** The report's row of the participant with this email. */
    static JsonNode row(JsonNode completion, String email) {
        return StreamSupport.stream(completion.path("rows").spliterator(), false)
                .filter(r -> email.equalsIgnoreCase(r.path("email").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + email + " in the Completion report"));
    }

    /** Every credit event of the session on cpe.credits.v1, once at least {@code atLeast} are there. */
    static List<CreditEvent> creditEvents(Stack stack, String sessionId, int atLeast) {
        return KafkaProbe.await(stack.endpoints().kafkaBootstrapServers(), Topics.CREDITS,
                r -> r.key().equals(sessionId), atLeast, Duration.ofSeconds(60)).stream().map(CreditEvent::of).toList();
    }
}
