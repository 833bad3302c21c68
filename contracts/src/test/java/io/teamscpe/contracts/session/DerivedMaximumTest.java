package io.teamscpe.contracts.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The maximum a credit type derives from its session's schedule when the administrator gives none. */
class DerivedMaximumTest {

    @ParameterizedTest(name = "{0}: {1} scheduled minutes → {2}")
    @CsvSource({
            // 50-minute credits in fifths after a first full credit (NASBA's own example: 140 min = 2 4/5)
            "nasba-gib, 100, 2.0",
            "nasba-gib, 140, 2.8",
            "nasba-gib, 75, 1.4",
            "nasba-gib, 49, 0.0",
            // halves
            "cfp-board, 100, 2.0",
            "cfp-board, 75, 1.5",
            "cfp-board, 140, 2.5",
            // whole hours only
            "irs-ea, 100, 2.0",
            "irs-ea, 75, 1.0",
            // 60-minute hours in tenths
            "cle-60, 100, 1.6",
            // only the programme's allowed steps: {0, 1, 1.5, 2, …}
            "firm-fixed-steps, 90, 1.5",
            "firm-fixed-steps, 140, 2.5",
    })
    void fullAttendanceOfTheScheduleUnderThePresetsRules(String preset, long minutes, String expected) {
        assertThat(RulesetPresets.byKey(preset).rules().maxCreditFor(minutes)).isEqualByComparingTo(expected);
    }
}
