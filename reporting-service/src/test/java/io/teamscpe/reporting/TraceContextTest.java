package io.teamscpe.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.teamscpe.contracts.session.SessionDetails;
import io.teamscpe.contracts.session.SessionScheduled;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An event carries the trace of the request that caused it (the outbox stores the publishing transaction's
 * traceparent and the relay sends it as a header; session-service's TraceContextTest shows that half): reporting's
 * consumption of the event joins that trace, so one trace id leads from "create session" to the report's input.
 */
@QuarkusTest
class TraceContextTest {
    @Inject
    ObjectMapper json;
    @Inject
    InMemorySpanExporter spans;

    @Test
    void consumingAnEventContinuesTheTraceOfTheRequestThatPublishedIt() {
        Feed feed = new Feed("firm-traces", json);
        String traceId = hex(16);
        String parentSpan = hex(8);
        feed.publishTraced(new SessionScheduled(feed.sessionId, feed.firm, 1, new SessionDetails("Ethics 2026",
                "provider-1", "organizer-1", "meeting-" + feed.sessionId,
                "https://teams.microsoft.com/l/meetup-join/x/0", Feed.START, Feed.END, "America/New_York",
                new BigDecimal("2"), List.of("Ethics"), "GROUP_INTERNET_BASED", null, null), Instant.now()),
                "00-" + traceId + "-" + parentSpan + "-01");

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<SpanData> consumed = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.CONSUMER).toList();
            assertThat(consumed).isNotEmpty();
            assertThat(consumed).anySatisfy(s -> {
                assertThat(s.getParentSpanId()).isEqualTo(parentSpan);
                assertThat(s.getName()).contains("cpe.sessions.v1");
            });
        });
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1;
        return HexFormat.of().formatHex(b);
    }
}
