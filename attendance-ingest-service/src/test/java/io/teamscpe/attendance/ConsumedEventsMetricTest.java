package io.teamscpe.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.teamscpe.emulator.DemoScenario;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** An operator reads on /q/metrics how many events each consumer applied; a session event counts once applied. */
@QuarkusTest
class ConsumedEventsMetricTest {
    @Inject
    ObjectMapper json;
    @Inject
    MeterRegistry metrics;

    @Test
    void anAppliedSessionEventIsCountedForThisConsumer() {
        double before = applied();
        Sessions.schedule(json, DemoScenario.MEETING_ID, DemoScenario.MEETING_START, DemoScenario.MEETING_END);
        assertThat(applied()).isGreaterThanOrEqualTo(before + 1);
    }

    private double applied() {
        return metrics.find("teamscpe.events.consumed").tag("consumer", "attendance-ingest")
                .tag("topic", "cpe.sessions.v1").tag("outcome", "applied").counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
