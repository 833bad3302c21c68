package io.teamscpe.session;

import io.teamscpe.contracts.session.RulesetRules;
import io.teamscpe.contracts.session.RulesetRules.Attendance;
import io.teamscpe.contracts.session.RulesetRules.Credit;
import io.teamscpe.contracts.session.RulesetRules.Engagement;
import io.teamscpe.contracts.session.RulesetRules.EngagementMode;
import io.teamscpe.contracts.session.RulesetRules.PerWindow;
import io.teamscpe.contracts.session.RulesetRules.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a ruleset's rules against what docs/credit-rules.md allows and names every wrong field ({@code rules.credit.
 * increment} ...), so an administrator fixes all of them at once. Pure: no I/O.
 */
public final class RulesetValidator {
    public static final Set<BigDecimal> INCREMENTS = Set.of(BigDecimal.ONE, new BigDecimal("0.5"),
            new BigDecimal("0.2"), new BigDecimal("0.1"));
    private static final BigDecimal MAX_CREDIT = new BigDecimal("100");
    /** Digits a decimal of the rules may have on either side of the point; more is a typo or an attack. */
    private static final int MAX_DIGITS = 6;
    private static final int MAX_TIERS = 20;

    private final List<Map<String, String>> errors = new ArrayList<>();

    private RulesetValidator() {
    }

    /** Every problem of {@code rules} as {@code {field, message}}; empty when the rules are valid. */
    public static List<Map<String, String>> check(RulesetRules rules) {
        RulesetValidator v = new RulesetValidator();
        if (rules == null) {
            v.error("rules", "is required");
            return v.errors;
        }
        v.credit(rules.credit());
        v.attendance(rules.attendance());
        v.engagement(rules.engagement(), rules.tiers());
        v.tiers(rules.tiers());
        v.steps(rules.allowedSteps());
        v.decimals(rules);
        if (rules.withoutPolls() == null) {
            v.error("rules.withoutPolls", "is required: WITHHOLD or ATTENDANCE_ONLY");
        } else if (rules.engagement() != null && rules.engagement().mode() == EngagementMode.NONE
                && rules.withoutPolls() == RulesetRules.WithoutPolls.WITHHOLD) {
            v.error("rules.withoutPolls", "must be ATTENDANCE_ONLY when engagement.mode is NONE (no polls needed)");
        }
        return v.errors;
    }

    /** The same rules with absent lists empty and decimals in their shortest form, so equal rules compare equal. */
    public static RulesetRules normalize(RulesetRules r) {
        if (r == null) {
            return null;
        }
        Credit c = r.credit() == null ? null : new Credit(r.credit().minutesPerCredit(),
                dec(r.credit().minimumCredit()), dec(r.credit().increment()), dec(r.credit().cap()));
        Engagement e = r.engagement() == null ? null : new Engagement(r.engagement().mode(),
                r.engagement().pollsPerCredit(), dec(r.engagement().minimumShare()), r.engagement().onlyWhilePresent(),
                r.engagement().perWindow());
        List<Tier> tiers = r.tiers() == null ? List.of() : r.tiers().stream()
                .map(t -> t == null ? null : new Tier(dec(t.minimumShare()), dec(t.creditFraction()))).toList();
        List<BigDecimal> steps = r.allowedSteps() == null ? List.of()
                : r.allowedSteps().stream().map(RulesetValidator::dec).toList();
        return new RulesetRules(c, r.attendance(), e, tiers, steps, r.withoutPolls());
    }

    private void credit(Credit c) {
        if (c == null) {
            error("rules.credit", "is required");
            return;
        }
        if (c.minutesPerCredit() != 50 && c.minutesPerCredit() != 60) {
            error("rules.credit.minutesPerCredit", "must be 50 or 60 (got " + c.minutesPerCredit() + ")");
        }
        boolean incrementOk = false;
        if (c.increment() == null) {
            error("rules.credit.increment", "is required: 1, 0.5, 0.2 or 0.1");
        } else if (INCREMENTS.stream().noneMatch(i -> i.compareTo(c.increment()) == 0)) {
            error("rules.credit.increment", "must be 1, 0.5, 0.2 or 0.1 (got " + plain(c.increment()) + ")");
        } else {
            incrementOk = true;
        }
        if (c.minimumCredit() == null) {
            error("rules.credit.minimumCredit", "is required (NASBA: 1)");
        } else if (c.minimumCredit().signum() <= 0 || c.minimumCredit().compareTo(MAX_CREDIT) > 0) {
            error("rules.credit.minimumCredit", "must be more than 0 and at most 100");
        } else if (incrementOk && !multipleOf(c.minimumCredit(), c.increment())) {
            error("rules.credit.minimumCredit", "must be a multiple of the increment " + plain(c.increment()));
        }
        if (c.cap() != null) {
            if (c.cap().signum() <= 0 || c.cap().compareTo(MAX_CREDIT) > 0) {
                error("rules.credit.cap", "must be more than 0 and at most 100, or null (the session's max credits)");
            } else if (c.minimumCredit() != null && c.cap().compareTo(c.minimumCredit()) < 0) {
                error("rules.credit.cap", "must not be below minimumCredit " + plain(c.minimumCredit()));
            }
        }
    }

    private void attendance(Attendance a) {
        if (a == null) {
            error("rules.attendance", "is required");
            return;
        }
        if (a.counting() == null) {
            error("rules.attendance.counting", "is required: UNION");
        }
        if (a.clipTo() == null) {
            error("rules.attendance.clipTo", "is required: SCHEDULED or MEETING");
        }
        if (a.graceMinutes() < 0 || a.graceMinutes() > 60) {
            error("rules.attendance.graceMinutes", "must be between 0 and 60 (got " + a.graceMinutes() + ")");
        }
    }

    private void engagement(Engagement e, List<Tier> tiers) {
        if (e == null) {
            error("rules.engagement", "is required");
            return;
        }
        if (e.mode() == null) {
            error("rules.engagement.mode", "is required: NONE, POLLS_PER_CREDIT, POLL_SHARE or TIERS");
            return;
        }
        if (e.mode() == EngagementMode.POLLS_PER_CREDIT) {
            if (e.pollsPerCredit() == null || e.pollsPerCredit() < 1 || e.pollsPerCredit() > 20) {
                error("rules.engagement.pollsPerCredit", "must be between 1 and 20 when mode is POLLS_PER_CREDIT");
            }
        } else if (e.pollsPerCredit() != null) {
            error("rules.engagement.pollsPerCredit", "applies only when mode is POLLS_PER_CREDIT");
        }
        if (e.mode() == EngagementMode.POLL_SHARE) {
            if (e.minimumShare() == null || e.minimumShare().signum() <= 0
                    || e.minimumShare().compareTo(BigDecimal.ONE) > 0) {
                error("rules.engagement.minimumShare", "must be more than 0 and at most 1 (e.g. 0.7 for 70%) when "
                        + "mode is POLL_SHARE");
            }
        } else if (e.minimumShare() != null) {
            error("rules.engagement.minimumShare", "applies only when mode is POLL_SHARE");
        }
        boolean hasTiers = tiers != null && !tiers.isEmpty();
        if (e.mode() == EngagementMode.TIERS && !hasTiers) {
            error("rules.tiers", "needs at least one tier when engagement.mode is TIERS");
        } else if (e.mode() != EngagementMode.TIERS && hasTiers) {
            error("rules.tiers", "apply only when engagement.mode is TIERS");
        }
        PerWindow w = e.perWindow();
        if (w != null) {
            if (e.mode() == EngagementMode.NONE) {
                error("rules.engagement.perWindow", "needs polls: set a mode other than NONE");
            }
            if (w.responses() < 1) {
                error("rules.engagement.perWindow.responses", "must be at least 1");
            }
            if (w.windowMinutes() < 10 || w.windowMinutes() > 240) {
                error("rules.engagement.perWindow.windowMinutes", "must be between 10 and 240 (e.g. 50)");
            }
        }
        if (e.onlyWhilePresent() && e.mode() == EngagementMode.NONE) {
            error("rules.engagement.onlyWhilePresent", "needs polls: set a mode other than NONE");
        }
    }

    /** Decimals such as 1E-1000000000 are refused before any arithmetic: no remainder or plain form is computed. */
    private void decimals(RulesetRules rules) {
        Credit c = rules.credit();
        if (c != null) {
            decimal("rules.credit.minimumCredit", c.minimumCredit());
            decimal("rules.credit.increment", c.increment());
            decimal("rules.credit.cap", c.cap());
        }
        if (rules.engagement() != null) {
            decimal("rules.engagement.minimumShare", rules.engagement().minimumShare());
        }
        for (int i = 0; rules.tiers() != null && i < rules.tiers().size(); i++) {
            Tier t = rules.tiers().get(i);
            if (t != null) {
                decimal("rules.tiers[" + i + "].minimumShare", t.minimumShare());
                decimal("rules.tiers[" + i + "].creditFraction", t.creditFraction());
            }
        }
        for (int i = 0; rules.allowedSteps() != null && i < rules.allowedSteps().size(); i++) {
            decimal("rules.allowedSteps[" + i + "]", rules.allowedSteps().get(i));
        }
    }

    private void decimal(String field, BigDecimal d) {
        if (d != null && !sane(d)) {
            error(field, "must be a number with at most " + MAX_DIGITS + " digits before and after the decimal "
                    + "point (got " + d + ")");
        }
    }

    private void tiers(List<Tier> tiers) {
        if (tiers == null) {
            return;
        }
        if (tiers.size() > MAX_TIERS) {
            error("rules.tiers", "may list at most " + MAX_TIERS + " tiers");
        }
        for (int i = 0; i < tiers.size(); i++) {
            Tier t = tiers.get(i);
            String at = "rules.tiers[" + i + "]";
            if (t == null) {
                error(at, "must not be null");
                continue;
            }
            if (!fraction(t.minimumShare())) {
                error(at + ".minimumShare", "must be between 0 and 1");
            }
            if (!fraction(t.creditFraction())) {
                error(at + ".creditFraction", "must be between 0 and 1");
            }
            Tier prev = i > 0 ? tiers.get(i - 1) : null;
            if (prev != null && fraction(prev.minimumShare()) && fraction(t.minimumShare())
                    && t.minimumShare().compareTo(prev.minimumShare()) >= 0) {
                error(at + ".minimumShare", "tiers must be listed from the highest share down");
            }
            if (prev != null && fraction(prev.creditFraction()) && fraction(t.creditFraction())
                    && t.creditFraction().compareTo(prev.creditFraction()) > 0) {
                error(at + ".creditFraction", "must not exceed the fraction of a higher tier");
            }
        }
    }

    private void steps(List<BigDecimal> steps) {
        if (steps == null) {
            return;
        }
        if (steps.size() > 200) {
            error("rules.allowedSteps", "may list at most 200 steps");
        }
        for (int i = 0; i < steps.size(); i++) {
            BigDecimal s = steps.get(i);
            if (s == null || s.signum() < 0 || s.compareTo(MAX_CREDIT) > 0) {
                error("rules.allowedSteps[" + i + "]", "must be between 0 and 100");
            } else if (i > 0 && steps.get(i - 1) != null && s.compareTo(steps.get(i - 1)) <= 0) {
                error("rules.allowedSteps[" + i + "]", "steps must be listed in increasing order");
            }
        }
    }

    private static boolean fraction(BigDecimal d) {
        return d != null && d.signum() >= 0 && d.compareTo(BigDecimal.ONE) <= 0;
    }

    private static boolean multipleOf(BigDecimal value, BigDecimal increment) {
        return sane(value) && value.remainder(increment).signum() == 0;
    }

    private static boolean sane(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() <= MAX_DIGITS && s.precision() - s.scale() <= MAX_DIGITS;
    }

    private static BigDecimal dec(BigDecimal d) {
        if (d == null || !sane(d)) {
            return d; // refused by check(); setScale(0) of 1E+1000000000 would not finish
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String plain(BigDecimal d) {
        return sane(d) ? d.stripTrailingZeros().toPlainString() : d.toString();
    }

    private void error(String field, String message) {
        errors.add(Map.of("field", field, "message", message));
    }
}
