package io.teamscpe.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event a request publishes carries the request's trace: the outbox keeps the transaction's traceparent and
 * the relay sends it as the record's header (reporting's TraceContextTest follows it into the consumer).
 */
@QuarkusTest
class TraceContextTest {
    @BeforeEach
    void scenario() {
        Scenarios.demo();
    }

    @Test
    void theSessionScheduledEventCarriesTheTraceOfTheRequestThatCreatedTheSession() {
        String traceId = hex(16);
        String id = given().auth().oauth2(Tokens.admin("firm-traces")).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                .body(SessionApiTest.body(DemoScenario.JOIN_URL)).post("/api/sessions")
                .then().statusCode(201).extract().path("id");

        List<ConsumerRecord<String, String>> events = KafkaProbe.await(RulesetApiTest.bootstrap(),
                "cpe.sessions.v1", r -> r.key().equals(id), 1, Duration.ofSeconds(30));
        assertThat(KafkaProbe.header(events.get(0), "traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01");
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1;
        return HexFormat.of().formatHex(b);
    }
}
