package io.teamscpe.platform.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Graph's Retry-After comes as delta-seconds or as an HTTP date (RFC 9110); both must be honoured. */
class GraphRetryTest {
    static final Instant NOW = Instant.parse("2026-10-05T16:00:00Z");

    @ParameterizedTest(name = "Retry-After: {0} -> {1} s")
    @CsvSource(delimiter = '|', value = {
            "7                              | 7",
            "' 30 '                         | 30",
            "0                              | 0",
            "Mon, 05 Oct 2026 16:00:12 GMT  | 12",
            "Mon, 05 Oct 2026 15:59:00 GMT  | 0",
    })
    void retryAfterIsReadAsSecondsOrAnHttpDate(String header, long seconds) {
        assertThat(GraphRetry.parseRetryAfter(header, NOW)).contains(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @CsvSource({"soon", "'12 seconds'", "2026-10-05T16:00:12Z"})
    void anUnreadableRetryAfterFallsBackToBackoff(String header) {
        assertThat(GraphRetry.parseRetryAfter(header, NOW)).isEqualTo(Optional.empty());
    }
}
