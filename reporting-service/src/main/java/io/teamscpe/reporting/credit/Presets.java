package io.teamscpe.reporting.credit;

import io.teamscpe.contracts.session.RulesetRules;
import io.teamscpe.contracts.session.RulesetRules.Attendance;
import io.teamscpe.contracts.session.RulesetRules.Clip;
import io.teamscpe.contracts.session.RulesetRules.Counting;
import io.teamscpe.contracts.session.RulesetRules.Credit;
import io.teamscpe.contracts.session.RulesetRules.Engagement;
import io.teamscpe.contracts.session.RulesetRules.EngagementMode;
import io.teamscpe.contracts.session.RulesetRules.WithoutPolls;
import java.math.BigDecimal;
import java.util.List;

/** The rules used when a session names no ruleset version reporting knows: NASBA group internet-based. */
public final class Presets {
    public static final String NASBA_GIB_NAME = "NASBA GIB (built-in)";

    /** 50-minute credits in fifths, at least one; 3 polls per credit; attendance only while no polls exist. */
    public static final RulesetRules NASBA_GIB = new RulesetRules(
            new Credit(50, BigDecimal.ONE, new BigDecimal("0.2"), null),
            new Attendance(Counting.UNION, Clip.SCHEDULED, 0),
            new Engagement(EngagementMode.POLLS_PER_CREDIT, 3, null, false, null),
            List.of(), List.of(), WithoutPolls.ATTENDANCE_ONLY);

    private Presets() {
    }
}
