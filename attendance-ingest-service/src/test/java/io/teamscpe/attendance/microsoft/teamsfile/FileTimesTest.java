package io.teamscpe.attendance.microsoft.teamsfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamscpe.attendance.microsoft.teamsfile.FileTimes.Order;
import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileTimesTest {
    static final String OCT_5 = "2026-10-05T16:02:11";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            10/5/26, 4:02:11 PM          | MONTH_FIRST | 2026-10-05T16:02:11
            10/5/2026, 4:02:11 PM        | MONTH_FIRST | 2026-10-05T16:02:11
            10/5/2026, 4:02:11\u202FPM   | MONTH_FIRST | 2026-10-05T16:02:11
            10/5/26, 4:02 p.m.           | MONTH_FIRST | 2026-10-05T16:02:00
            05/10/2026, 4:02:11 p. m.    | DAY_FIRST   | 2026-10-05T16:02:11
            10/5/26, 12:05:00 AM         | MONTH_FIRST | 2026-10-05T00:05:00
            10/5/26, 12:05:00 PM         | MONTH_FIRST | 2026-10-05T12:05:00
            05/10/2026, 16:02:11         | DAY_FIRST   | 2026-10-05T16:02:11
            05/10/2026, 16:02:11         | MONTH_FIRST | 2026-05-10T16:02:11
            5.10.26, 16:02:11            | DAY_FIRST   | 2026-10-05T16:02:11
            05.10.2026 16:02             | DAY_FIRST   | 2026-10-05T16:02:00
            5-10-2026 16:02:11           | DAY_FIRST   | 2026-10-05T16:02:11
            2026-10-05 16:02:11          | MONTH_FIRST | 2026-10-05T16:02:11
            2026-10-05 16:02:11          | DAY_FIRST   | 2026-10-05T16:02:11
            2026-10-05T16:02:11.123      | DAY_FIRST   | 2026-10-05T16:02:11
            2026/10/05 16.02.11          | DAY_FIRST   | 2026-10-05T16:02:11
            """)
    void readsTheDateShapesOfCommonLocales(String text, Order order, LocalDateTime expected) {
        assertThat(FileTimes.parse(text, order)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            13/45/26, 4:02 PM      | why: no such month or day either way
            13/5/26, 4:02 PM       | why: month 13 when read month-first
            10/5/26, 13:02 PM      | why: 13 o'clock PM
            10/5/26, 0:02 AM       | why: 0 o'clock AM
            10/5/26, 24:00:00      | why: hour 24
            10/5/26, 16:60:00      | why: minute 60
            10/5/26                | why: a date without a time
            4:02:11 PM             | why: a time without a date
            10/5/6, 4:02:11 PM     | why: one-digit year
            1h 27m 51s             | why: a duration
            yesterday at four      | why: words
            """)
    void refusesWhatIsNotADateAndTimeInTheReading(String text, String why) {
        assertThat(FileTimes.parse(text, Order.MONTH_FIRST)).as(why).isNull();
    }
}
