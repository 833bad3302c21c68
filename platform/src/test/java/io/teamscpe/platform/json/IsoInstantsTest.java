package io.teamscpe.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {
    private static final long YEAR_0 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;

    record Interval(Instant joined, Instant left) {
    }

    private final SplittableRandom random = new SplittableRandom(20261126);

    @Test
    void writesWhatInstantToStringWrites() {
        for (int i = 0; i < 200_000; i++) {
            Instant instant = randomInstant();
            assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
        }
        for (Instant edge : List.of(Instant.EPOCH, Instant.ofEpochSecond(YEAR_0), Instant.ofEpochSecond(-1, 1),
                Instant.ofEpochSecond(YEAR_10000 - 1, 999_999_999), Instant.ofEpochSecond(YEAR_10000),
                Instant.ofEpochSecond(YEAR_0 - 1), Instant.MIN, Instant.MAX)) {
            assertThat(IsoInstants.format(edge)).isEqualTo(edge.toString());
        }
    }

    @Test
    void readsWhatTheJdkReadsInUtcAndWithOffsets() {
        for (int i = 0; i < 200_000; i++) {
            Instant instant = randomInstant();
            assertThat(IsoInstants.parse(instant.toString())).isEqualTo(instant);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
            String withOffset = OffsetDateTime.ofInstant(instant, offset).toString();
            if (withOffset.length() > 25) { // seconds are written (toString drops ":00" seconds)
                assertThat(IsoInstants.parse(withOffset)).as(withOffset).isEqualTo(instant);
            }
        }
        // Graph's seven fractional digits
        assertThat(IsoInstants.parse("2021-10-05T04:38:27.6027225Z"))
                .isEqualTo(Instant.parse("2021-10-05T04:38:27.6027225Z"));
        assertThat(IsoInstants.parse("2021-10-05T04:38:27.6027225-07:00"))
                .isEqualTo(OffsetDateTime.parse("2021-10-05T04:38:27.6027225-07:00").toInstant());
    }

    @Test
    void leavesOtherShapesToTheJdk() {
        for (String other : List.of("", "2021-10-05", "2021-10-05T04:38Z", "2021-10-05T04:38:27",
                "2021-10-05T04:38:27.Z", "2021-10-05T04:38:27.1234567891Z", "2021-10-05T04:38:60Z",
                "2021-10-05T24:00:00Z", "+12021-10-05T04:38:27Z", "2021-10-05 04:38:27Z", "2021-1O-05T04:38:27Z",
                "2021-10-05T04:38:27+0200", "2021-10-05T04:38:27+19:00", "2021-10-05T04:38:27Zulu")) {
            assertThat(IsoInstants.parse(other)).as(other).isNull();
        }
    }

    @Test
    void refusesADateThatDoesNotExist() {
        assertThatThrownBy(() -> IsoInstants.parse("2026-02-30T10:00:00Z")).isInstanceOf(DateTimeException.class)
                .hasMessageContaining("2026-02-30T10:00:00Z");
        assertThatThrownBy(() -> IsoInstants.parse("2026-13-01T10:00:00Z")).isInstanceOf(DateTimeException.class);
    }

    @Test
    void jacksonWritesAndReadsTheSameJsonAsTheJavaTimeModule() throws Exception {
        ObjectMapper plain = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        ObjectMapper fast = JsonMapper.builder().addModule(new JavaTimeModule()).addModule(InstantJson.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        for (int i = 0; i < 10_000; i++) {
            Interval interval = new Interval(randomInstant(), i % 7 == 0 ? null : randomInstant());
            String json = plain.writeValueAsString(interval);
            assertThat(fast.writeValueAsString(interval)).isEqualTo(json);
            assertThat(fast.readValue(json, Interval.class)).isEqualTo(interval);
        }
        String far = plain.writeValueAsString(new Interval(Instant.MAX, Instant.MIN));
        assertThat(fast.writeValueAsString(new Interval(Instant.MAX, Instant.MIN))).isEqualTo(far);
        assertThat(fast.readValue(far, Interval.class)).isEqualTo(new Interval(Instant.MAX, Instant.MIN));
        assertThat(fast.readValue("{\"joined\":1700000000.5}", Interval.class).joined())
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 500_000_000));
        assertThatThrownBy(() -> fast.readValue("{\"joined\":\"2026-02-30T10:00:00Z\"}", Interval.class))
                .isInstanceOf(InvalidFormatException.class).hasMessageContaining("2026-02-30T10:00:00Z");
    }

    /** Four-digit years, every precision Instant.toString distinguishes (none, milli, micro, nano). */
    private Instant randomInstant() {
        long second = random.nextLong(YEAR_0, YEAR_10000);
        int nano = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(second, nano);
    }
}
