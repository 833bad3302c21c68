package io.teamscpe.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LaunchWindowTest {

    @ParameterizedTest(name = "{0} in {2}: opens {3}")
    @CsvSource({
        // an afternoon session opens one hour before the start
        "2026-10-05T16:00:00Z, 2026-10-05T17:40:00Z, America/New_York, 2026-10-05T15:00:00Z",
        // 00:30 local: not the evening before, but at local midnight
        "2026-10-06T04:30:00Z, 2026-10-06T06:00:00Z, America/New_York, 2026-10-06T04:00:00Z",
        // DST ends in New York on 2026-11-01 (01:00-02:00 happens twice): 01:30 EST opens at 01:30 EDT, one real
        // hour before, not at 00:30 local (04:30Z)
        "2026-11-01T06:30:00Z, 2026-11-01T08:00:00Z, America/New_York, 2026-11-01T05:30:00Z",
        // 00:30 EDT on the 25-hour day: midnight is 04:00Z
        "2026-11-01T04:30:00Z, 2026-11-01T06:00:00Z, America/New_York, 2026-11-01T04:00:00Z",
        // DST starts in London on 2026-03-29 (01:00-02:00 does not exist): 02:30 BST opens at 00:30 GMT
        "2026-03-29T01:30:00Z, 2026-03-29T03:00:00Z, Europe/London, 2026-03-29T00:30:00Z",
        "2026-03-29T00:20:00Z, 2026-03-29T01:20:00Z, Europe/London, 2026-03-29T00:00:00Z",
        // Tokyo morning session: the day is counted in Tokyo, not UTC
        "2026-10-05T00:30:00Z, 2026-10-05T02:00:00Z, Asia/Tokyo, 2026-10-04T23:30:00Z"})
    void opensOnTheDayOfTheEventOneHourBeforeTheStart(Instant start, Instant end, String zone, Instant opens) {
        LaunchWindow w = LaunchWindow.of(start, end, zone, Duration.ofHours(1));
        assertThat(w.opens().toInstant()).isEqualTo(opens);
        assertThat(w.closes().toInstant()).isEqualTo(end);
        assertThat(w.notYetOpen(opens.minusSeconds(1))).isTrue();
        assertThat(w.notYetOpen(opens)).isFalse();
        assertThat(w.closed(end.minusSeconds(1))).isFalse();
        assertThat(w.closed(end)).isTrue();
    }
}
