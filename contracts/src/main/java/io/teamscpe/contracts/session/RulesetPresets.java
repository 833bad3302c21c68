package io.teamscpe.contracts.session;

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

/**
 * The rulesets every firm starts with (docs/credit-rules.md), in one place: session-service seeds a firm with them
 * (firms then edit them like their own) and publishes them like any ruleset version; no service computes credit
 * with rules it did not receive.
 */
public final class RulesetPresets {
    public static final String DEFAULT_NAME = "NASBA GIB";

    public record Preset(String key, String name, String description, boolean firmDefault, RulesetRules rules) {
    }

    private static final Attendance SCHEDULED = new Attendance(Counting.UNION, Clip.SCHEDULED, 0);

    public static final List<Preset> ALL = List.of(
            new Preset("nasba-gib", DEFAULT_NAME, "NASBA/AICPA group internet-based: 50-minute credits in fifths "
                    + "after a first full credit, 3 answered polls per credit.", true,
                    rules(50, "1", "0.2", polls(3), WithoutPolls.WITHHOLD)),
            new Preset("nasba-group-live", "NASBA group live", "NASBA/AICPA group live: 50-minute credits in "
                    + "fifths, at least 1 answered poll per credit.", false,
                    rules(50, "1", "0.2", polls(1), WithoutPolls.WITHHOLD)),
            new Preset("irs-ea", "IRS enrolled agent", "IRS continuing education for enrolled agents: 50-minute "
                    + "contact hours, whole hours only, 3 answered polls per hour.", false,
                    rules(50, "1", "1", polls(3), WithoutPolls.WITHHOLD)),
            new Preset("cfp-board", "CFP Board", "CFP Board: 50 minutes = 1.0, rounded down to the nearest half; "
                    + "polling not required.", false,
                    rules(50, "1", "0.5", none(), WithoutPolls.ATTENDANCE_ONLY)),
            new Preset("cle-60", "CLE (60-minute hour)", "State bar CLE: minutes ÷ 60 rounded down to the tenth "
                    + "after a first full hour; check your state's rules.", false,
                    rules(60, "1", "0.1", none(), WithoutPolls.ATTENDANCE_ONLY)),
            new Preset("firm-poll-share-70", "Firm policy: 70% of polls", "Full attendance credit (NASBA fifths) "
                    + "for answering at least 70% of the polls presented.", false,
                    rules(50, "1", "0.2", new Engagement(EngagementMode.POLL_SHARE, null, new BigDecimal("0.7"),
                            false, null), WithoutPolls.WITHHOLD)),
            new Preset("firm-tiers", "Firm policy: tiers by polls answered", "At least 75% of polls answered: full "
                    + "credit; 50–74%: half credit; below 50%: none.", false,
                    new RulesetRules(new Credit(50, BigDecimal.ONE, new BigDecimal("0.2"), null), SCHEDULED,
                            new Engagement(EngagementMode.TIERS, null, null, false, null),
                            List.of(tier("0.75", "1"), tier("0.5", "0.5"), tier("0", "0")), List.of(),
                            WithoutPolls.WITHHOLD)),
            new Preset("firm-fixed-steps", "Firm policy: fixed steps", "Credit only in {0, 1, 1.5, 2, 2.5, 3, "
                    + "3.5, 4}, 3 answered polls per credit.", false,
                    new RulesetRules(new Credit(50, BigDecimal.ONE, new BigDecimal("0.5"), null), SCHEDULED,
                            polls(3), List.of(), List.of(d("0"), d("1"), d("1.5"), d("2"), d("2.5"), d("3"),
                            d("3.5"), d("4")), WithoutPolls.WITHHOLD)),
            new Preset("firm-per-window", "Firm policy: engaged every 50 minutes", "NASBA GIB, and at least one "
                    + "answer (given while present) in each 50 minutes the person was present.", false,
                    rules(50, "1", "0.2", new Engagement(EngagementMode.POLLS_PER_CREDIT, 3, null, true,
                            new PerWindow(1, 50)), WithoutPolls.WITHHOLD)));

    private RulesetPresets() {
    }

    /** The preset with this key; an unknown key is a programming error. */
    public static Preset byKey(String key) {
        return ALL.stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no preset " + key));
    }

    private static RulesetRules rules(int minutes, String minimum, String increment, Engagement engagement,
                                      WithoutPolls withoutPolls) {
        return new RulesetRules(new Credit(minutes, d(minimum), d(increment), null), SCHEDULED, engagement,
                List.of(), List.of(), withoutPolls);
    }

    private static Engagement polls(int perCredit) {
        return new Engagement(EngagementMode.POLLS_PER_CREDIT, perCredit, null, false, null);
    }

    private static Engagement none() {
        return new Engagement(EngagementMode.NONE, null, null, false, null);
    }

    private static Tier tier(String share, String fraction) {
        return new Tier(d(share), d(fraction));
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }
}
