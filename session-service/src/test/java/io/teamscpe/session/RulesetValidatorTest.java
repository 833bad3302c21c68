package io.teamscpe.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamscpe.contracts.session.RulesetPresets;
import io.teamscpe.contracts.session.RulesetRules;
import io.teamscpe.contracts.session.RulesetRules.Attendance;
import io.teamscpe.contracts.session.RulesetRules.Clip;
import io.teamscpe.contracts.session.RulesetRules.Counting;
import io.teamscpe.contracts.session.RulesetRules.Credit;
import io.teamscpe.contracts.session.RulesetRules.Engagement;
import io.teamscpe.contracts.session.RulesetRules.EngagementMode;
import io.teamscpe.contracts.session.RulesetRules.PerWindow;
import io.teamscpe.contracts.session.RulesetRules.Tier;
import io.teamscpe.contracts.session.RulesetRules.WithoutPolls;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesetValidatorTest {
    static final Attendance SCHEDULED = new Attendance(Counting.UNION, Clip.SCHEDULED, 0);
    static final Engagement THREE_PER_CREDIT = new Engagement(EngagementMode.POLLS_PER_CREDIT, 3, null, false, null);

    @Test
    void everyPresetIsValid() {
        assertThat(RulesetPresets.ALL).hasSizeGreaterThanOrEqualTo(7);
        RulesetPresets.ALL.forEach(p -> assertThat(RulesetValidator.check(RulesetValidator.normalize(p.rules())))
                .as(p.name()).isEmpty());
        assertThat(RulesetPresets.ALL.stream().filter(RulesetPresets.Preset::firmDefault).map(p -> p.name()))
                .containsExactly("NASBA GIB");
    }

    @ParameterizedTest
    @CsvSource({"1, true", "0.5, true", "0.2, true", "0.1, true", "0.50, true", "0.3, false", "0.25, false",
        "2, false", "0, false"})
    void onlyTheRegulatorsIncrementsAreAccepted(String increment, boolean valid) {
        RulesetRules rules = rules(new Credit(50, BigDecimal.ONE, new BigDecimal(increment), null), THREE_PER_CREDIT);
        assertThat(fields(rules).contains("rules.credit.increment")).isEqualTo(!valid);
    }

    @ParameterizedTest
    @CsvSource({
        "45, 1, 0.2, , rules.credit.minutesPerCredit",
        "50, 0, 0.2, , rules.credit.minimumCredit",
        "50, 1.3, 0.5, , rules.credit.minimumCredit",
        "50, 1, 0.2, 0.5, rules.credit.cap",
        "60, 1, 0.1, -1, rules.credit.cap"})
    void creditMistakesNameTheirField(int minutes, String minimum, String increment, String cap, String field) {
        RulesetRules rules = rules(new Credit(minutes, new BigDecimal(minimum), new BigDecimal(increment),
                cap == null ? null : new BigDecimal(cap)), THREE_PER_CREDIT);
        assertThat(fields(rules)).containsExactly(field);
    }

    @Test
    void engagementMustFitItsMode() {
        assertThat(fields(rules(nasba(), new Engagement(EngagementMode.POLLS_PER_CREDIT, null, null, false, null))))
                .containsExactly("rules.engagement.pollsPerCredit");
        assertThat(fields(rules(nasba(), new Engagement(EngagementMode.POLL_SHARE, null, new BigDecimal("1.2"),
                false, null)))).containsExactly("rules.engagement.minimumShare");
        assertThat(fields(rules(nasba(), new Engagement(EngagementMode.POLL_SHARE, 3, new BigDecimal("0.7"),
                false, null)))).containsExactly("rules.engagement.pollsPerCredit");
        assertThat(fields(rules(nasba(), new Engagement(EngagementMode.TIERS, null, null, false, null))))
                .containsExactly("rules.tiers");
        assertThat(fields(rules(nasba(), new Engagement(EngagementMode.POLLS_PER_CREDIT, 3, null, true,
                new PerWindow(0, 5))))).containsExactly("rules.engagement.perWindow.responses",
                "rules.engagement.perWindow.windowMinutes");
    }

    @Test
    void tiersGoFromTheHighestShareDown() {
        Engagement tiered = new Engagement(EngagementMode.TIERS, null, null, false, null);
        RulesetRules upside = new RulesetRules(nasba(), SCHEDULED, tiered,
                List.of(tier("0.5", "0.5"), tier("0.75", "1")), List.of(), WithoutPolls.WITHHOLD);
        assertThat(fields(upside)).containsExactly("rules.tiers[1].minimumShare", "rules.tiers[1].creditFraction");
        RulesetRules tiersWithoutMode = new RulesetRules(nasba(), SCHEDULED, THREE_PER_CREDIT,
                List.of(tier("0.75", "1")), List.of(), WithoutPolls.WITHHOLD);
        assertThat(fields(tiersWithoutMode)).containsExactly("rules.tiers");
    }

    @Test
    void stepsAscendAndNoPollsMeansAttendanceOnly() {
        RulesetRules steps = new RulesetRules(nasba(), SCHEDULED, THREE_PER_CREDIT, List.of(),
                List.of(BigDecimal.ONE, BigDecimal.ZERO), WithoutPolls.WITHHOLD);
        assertThat(fields(steps)).containsExactly("rules.allowedSteps[1]");
        RulesetRules noPolls = rules(nasba(), new Engagement(EngagementMode.NONE, null, null, false, null));
        assertThat(fields(noPolls)).containsExactly("rules.withoutPolls");
    }

    @Test
    void missingPartsAreEachNamed() {
        assertThat(fields(new RulesetRules(null, null, null, null, null, null))).containsExactly("rules.credit",
                "rules.attendance", "rules.engagement", "rules.withoutPolls");
        assertThat(fields(null)).containsExactly("rules");
    }

    @Test
    void normalizingMakesEqualRulesEqual() {
        RulesetRules a = rules(new Credit(50, new BigDecimal("1.0"), new BigDecimal("0.20"), null), THREE_PER_CREDIT);
        RulesetRules b = rules(nasba(), THREE_PER_CREDIT);
        assertThat(RulesetValidator.normalize(a)).isEqualTo(RulesetValidator.normalize(b));
    }

    private static List<String> fields(RulesetRules rules) {
        return RulesetValidator.check(RulesetValidator.normalize(rules)).stream().map(m -> m.get("field")).toList();
    }

    private static Credit nasba() {
        return new Credit(50, BigDecimal.ONE, new BigDecimal("0.2"), null);
    }

    private static RulesetRules rules(Credit credit, Engagement engagement) {
        return new RulesetRules(credit, SCHEDULED, engagement, List.of(), List.of(), WithoutPolls.WITHHOLD);
    }

    private static Tier tier(String share, String fraction) {
        return new Tier(new BigDecimal(share), new BigDecimal(fraction));
    }

}
