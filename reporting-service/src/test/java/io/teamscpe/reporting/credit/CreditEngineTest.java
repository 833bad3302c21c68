package io.teamscpe.reporting.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.contracts.session.RulesetRules;
import io.teamscpe.reporting.Feed;
import io.teamscpe.contracts.session.RulesetRules.Engagement;
import io.teamscpe.contracts.session.RulesetRules.EngagementMode;
import io.teamscpe.contracts.session.RulesetRules.WithoutPolls;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreditEngineTest {
    /** NASBA GIB as contracts' preset says, crediting attendance while there are no polls. */
    static final RulesetRules NASBA_GIB = Feed.NASBA_GIB_ATTENDANCE_ONLY;
    static final Instant START = Instant.parse("2026-10-05T16:00:00Z");
    static final Instant END = START.plusSeconds(180 * 60);

    @ParameterizedTest(name = "{0} min in increments of {1} → {2}")
    @CsvSource({
        "140, 0.2, 2.8",   // NASBA's own example, fifths
        "140, 0.5, 2.5",   // the same in halves
        "49,  0.2, 0.0",   // below the one-credit minimum
        "50,  0.2, 1.0",
        "83,  0.2, 1.6",
        "60,  0.2, 1.2",
        "99,  0.5, 1.5",
        "100, 1,   2.0"})
    void attendanceAloneFollowsNasbaExamples(int minutes, String increment, String credit) {
        RulesetRules rules = Rules.with(NASBA_GIB, new BigDecimal(increment));
        CreditResult r = CreditEngine.evaluate(rules, facts(List.of(interval(0, minutes)), List.of()));
        assertThat(r.credit()).isEqualByComparingTo(credit);
        assertThat(r.minutesPresent()).isEqualTo(minutes);
    }

    @Test
    void theReasonTellsTheWholeStory() {
        CreditResult r = CreditEngine.evaluate(NASBA_GIB, facts(
                List.of(interval(0, 30), interval(31, 60), interval(60, 84)), polls(5, 6)));
        assertThat(r.credit()).isEqualByComparingTo("1.6");
        assertThat(r.reason()).isEqualTo("1.6 credits: present 83 min (union of 3 intervals); 83 min = 1.66 credit "
                + "hours of 50 min → 1.6 in fifths; answered 5 of 6 polls, needs 3 × 1.6 = 4.8 → 5: met");
    }

    @Test
    void fewerAnswersDropTheCreditToWhatTheySupport() {
        CreditResult r = CreditEngine.evaluate(NASBA_GIB, facts(List.of(interval(0, 100)), polls(4, 6)));
        assertThat(r.credit()).isEqualByComparingTo("1.2");
        assertThat(r.reason()).contains("needs 6 for 2: not met; 4 ÷ 3 supports 1.2");
        CreditResult tooFew = CreditEngine.evaluate(NASBA_GIB, facts(List.of(interval(0, 100)), polls(2, 6)));
        assertThat(tooFew.credit()).isEqualByComparingTo("0");
        assertThat(tooFew.reason()).contains("below the 1-credit minimum");
    }

    @Test
    void twoDevicesNeverCountTwiceAndEarlyJoinersEarnNothingExtra() {
        CreditResult r = CreditEngine.evaluate(NASBA_GIB,
                facts(List.of(interval(-20, 60), interval(10, 70), interval(65, 100)), List.of()));
        assertThat(r.minutesPresent()).isEqualTo(100);
        assertThat(r.credit()).isEqualByComparingTo("2.0");
    }

    @Test
    void minutesForCreditAreTheSecondsPresentToTheNearestMinuteUnlessTheRulesetRoundsDown() {
        Facts late = new Facts(List.of(new Interval(START.plusSeconds(3), START.plusSeconds(6000))), START,
                START.plusSeconds(6000), null, List.of());
        CreditResult nearest = CreditEngine.evaluate(Rules.with(NASBA_GIB, new BigDecimal("0.2")), late);
        assertThat(nearest.secondsPresent()).isEqualTo(5997);
        assertThat(nearest.minutesPresent()).isEqualTo(100);
        assertThat(nearest.credit()).isEqualByComparingTo("2.0");
        assertThat(nearest.reason()).startsWith("2 credits: present 99 min 57 s (1 interval) → 100 min (to the "
                + "nearest minute); 100 min = 2 credit hours of 50 min → 2 in fifths");
        RulesetRules down = new RulesetRules(NASBA_GIB.credit(), new RulesetRules.Attendance(
                RulesetRules.Counting.UNION, RulesetRules.Clip.SCHEDULED, 0, RulesetRules.MinuteRounding.DOWN),
                NASBA_GIB.engagement(), List.of(), List.of(), WithoutPolls.ATTENDANCE_ONLY);
        CreditResult whole = CreditEngine.evaluate(down, late);
        assertThat(whole.minutesPresent()).isEqualTo(99);
        assertThat(whole.credit()).isEqualByComparingTo("1.8");
        assertThat(whole.reason()).contains("→ 99 min (rounded down to whole minutes); 99 min = 1.98 credit hours");
        assertThat(CreditEngine.creditMinutes(29, RulesetRules.MinuteRounding.NEAREST)).isZero();
        assertThat(CreditEngine.creditMinutes(30, RulesetRules.MinuteRounding.NEAREST)).isEqualTo(1);
    }

    @Test
    void theSessionMaximumCaps() {
        Facts facts = new Facts(List.of(interval(0, 180)), START, END, new BigDecimal("2"), List.of());
        assertThat(CreditEngine.evaluate(NASBA_GIB, facts).reason()).contains("capped at 2");
    }

    @Test
    void graceExtendsTheWindowEnd() {
        RulesetRules grace = new RulesetRules(NASBA_GIB.credit(),
                new RulesetRules.Attendance(RulesetRules.Counting.UNION, RulesetRules.Clip.SCHEDULED, 10),
                NASBA_GIB.engagement(), List.of(), List.of(), WithoutPolls.ATTENDANCE_ONLY);
        Facts facts = new Facts(List.of(interval(0, 110)), START, START.plusSeconds(100 * 60), null, List.of());
        assertThat(CreditEngine.evaluate(grace, facts).minutesPresent()).isEqualTo(110);
    }

    @Test
    void withoutPollsTheRulesetDecides() {
        RulesetRules withhold = new RulesetRules(NASBA_GIB.credit(), NASBA_GIB.attendance(),
                NASBA_GIB.engagement(), List.of(), List.of(), WithoutPolls.WITHHOLD);
        CreditResult r = CreditEngine.evaluate(withhold, facts(List.of(interval(0, 100)), List.of()));
        assertThat(r.credit()).isEqualByComparingTo("0");
        assertThat(r.reason()).contains("withholds credit");
    }

    @Test
    void pollShareIsAllOrNothing() {
        RulesetRules share = Rules.engagement(new Engagement(EngagementMode.POLL_SHARE, null,
                new BigDecimal("0.7"), false, null));
        assertThat(CreditEngine.evaluate(share, facts(List.of(interval(0, 100)), polls(7, 10))).credit())
                .isEqualByComparingTo("2.0");
        assertThat(CreditEngine.evaluate(share, facts(List.of(interval(0, 100)), polls(6, 10))).reason())
                .contains("(60%), needs 70%: not met");
    }

    @Test
    void tiersScaleTheCredit() {
        RulesetRules tiers = new RulesetRules(NASBA_GIB.credit(), NASBA_GIB.attendance(),
                new Engagement(EngagementMode.TIERS, null, null, false, null),
                List.of(new RulesetRules.Tier(new BigDecimal("0.75"), BigDecimal.ONE),
                        new RulesetRules.Tier(new BigDecimal("0.5"), new BigDecimal("0.5"))),
                List.of(), WithoutPolls.ATTENDANCE_ONLY);
        assertThat(CreditEngine.evaluate(tiers, facts(List.of(interval(0, 100)), polls(3, 4))).credit())
                .isEqualByComparingTo("2.0");
        assertThat(CreditEngine.evaluate(tiers, facts(List.of(interval(0, 100)), polls(2, 4))).credit())
                .isEqualByComparingTo("1.0");
        assertThat(CreditEngine.evaluate(tiers, facts(List.of(interval(0, 100)), polls(1, 4))).credit())
                .isEqualByComparingTo("0");
    }

    @Test
    void onlyResponsesWhilePresentCanCount() {
        RulesetRules rules = Rules.engagement(new Engagement(EngagementMode.POLLS_PER_CREDIT, 1, null, true, null));
        List<Facts.PollFact> polls = List.of(new Facts.PollFact("p1", START.plusSeconds(600)),
                new Facts.PollFact("p2", START.plusSeconds(90 * 60)));
        CreditResult r = CreditEngine.evaluate(rules, facts(List.of(interval(0, 60)), polls));
        assertThat(r.pollsAnswered()).isEqualTo(1);
        assertThat(r.credit()).isEqualByComparingTo("1.0");
    }

    @Test
    void perWindowEngagementLimitsTheMinutesThatCount() {
        RulesetRules rules = Rules.engagement(new Engagement(EngagementMode.POLLS_PER_CREDIT, 0, null, false,
                new RulesetRules.PerWindow(1, 50)));
        CreditResult r = CreditEngine.evaluate(rules, facts(List.of(interval(0, 150)), polls(2, 3)));
        assertThat(r.credit()).isEqualByComparingTo("2.0");
        assertThat(r.reason()).contains("supports 100 min");
    }

    @Test
    void fixedStepsRoundDownToAnAllowedCredit() {
        RulesetRules steps = new RulesetRules(NASBA_GIB.credit(), NASBA_GIB.attendance(),
                NASBA_GIB.engagement(), List.of(),
                List.of(BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal("1.5"), new BigDecimal("2")),
                WithoutPolls.ATTENDANCE_ONLY);
        assertThat(CreditEngine.evaluate(steps, facts(List.of(interval(0, 90)), List.of())).credit())
                .isEqualByComparingTo("1.5");
    }

    @Test
    void openIntervalsCountNothing() {
        CreditResult r = CreditEngine.evaluate(NASBA_GIB, facts(List.of(new Interval(null, null)),
                List.of()));
        assertThat(r.credit()).isEqualByComparingTo("0");
        assertThat(r.reason()).startsWith("0 credits: present 0 min (joined, but Teams reported no join/leave "
                + "times)");
        assertThat(CreditEngine.evaluate(NASBA_GIB, facts(List.of(), List.of())).reason())
                .startsWith("0 credits: present 0 min (no-show: never joined)");
    }

    private static Facts facts(List<Interval> intervals, List<Facts.PollFact> polls) {
        return new Facts(intervals, START, END, null, polls);
    }

    /** {@code answered} of {@code presented} polls, answered at minute 5, 10, ... */
    static List<Facts.PollFact> polls(int answered, int presented) {
        List<Facts.PollFact> polls = new ArrayList<>();
        for (int i = 0; i < presented; i++) {
            polls.add(new Facts.PollFact("p" + i, i < answered ? START.plusSeconds((i + 1) * 300L) : null));
        }
        return polls;
    }

    private static Interval interval(int fromMinute, int toMinute) {
        return new Interval(START.plusSeconds(fromMinute * 60L), START.plusSeconds(toMinute * 60L));
    }

    /** Variations of the NASBA preset. */
    static final class Rules {
        static RulesetRules with(RulesetRules base, BigDecimal increment) {
            return new RulesetRules(new RulesetRules.Credit(base.credit().minutesPerCredit(),
                    base.credit().minimumCredit(), increment, null), base.attendance(), base.engagement(),
                    base.tiers(), base.allowedSteps(), base.withoutPolls());
        }

        static RulesetRules engagement(Engagement engagement) {
            RulesetRules b = NASBA_GIB;
            return new RulesetRules(b.credit(), b.attendance(), engagement, List.of(), List.of(), b.withoutPolls());
        }
    }
}
