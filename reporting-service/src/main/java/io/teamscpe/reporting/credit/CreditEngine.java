package io.teamscpe.reporting.credit;

import io.teamscpe.contracts.session.RulesetRules;
import io.teamscpe.contracts.session.RulesetRules.EngagementMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure credit rules (shared/design/CREDIT-RULES.md): facts and a ruleset in, credit and a plain-language reason
 * out. No I/O, no clock. Credit only ever rounds down.
 */
public final class CreditEngine {
    private CreditEngine() {
    }

    public static CreditResult evaluate(RulesetRules rules, Facts facts) {
        RulesetRules.Credit c = rules.credit();
        Instant end = facts.windowEnd().plus(Duration.ofMinutes(rules.attendance().graceMinutes()));
        long seconds = AttendedTime.within(facts.intervals(), facts.windowStart(), end).getSeconds();
        long minutes = seconds / 60;
        Reason reason = new Reason(presence(facts, minutes));
        BigDecimal hours = BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(c.minutesPerCredit() * 60L), 4,
                RoundingMode.DOWN);
        BigDecimal credit = roundDown(hours, c.increment());
        reason.add(minutes + " min = " + plain(hours.setScale(2, RoundingMode.DOWN)) + " credit hours of "
                + c.minutesPerCredit() + " min → " + plain(credit) + " in " + incrementName(c.increment()));
        BigDecimal cap = c.cap() != null ? c.cap() : facts.sessionCap();
        if (cap != null && credit.compareTo(cap) > 0) {
            credit = cap;
            reason.add("capped at " + plain(cap));
        }
        credit = minimum(c, credit, reason);
        credit = minimum(c, Engagement.apply(rules, facts, credit, reason), reason);
        credit = step(rules.allowedSteps(), credit, reason);
        return new CreditResult(credit.setScale(1, RoundingMode.DOWN), minutes,
                Engagement.answered(rules, facts), facts.polls().size(), reason.text(credit));
    }

    static BigDecimal roundDown(BigDecimal value, BigDecimal increment) {
        return value.divide(increment, 0, RoundingMode.DOWN).multiply(increment);
    }

    static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal minimum(RulesetRules.Credit c, BigDecimal credit, Reason reason) {
        if (credit.signum() > 0 && credit.compareTo(c.minimumCredit()) < 0) {
            reason.add("below the " + plain(c.minimumCredit()) + "-credit minimum ("
                    + c.minimumCredit().multiply(BigDecimal.valueOf(c.minutesPerCredit())).intValue() + " min)");
            return BigDecimal.ZERO;
        }
        return credit;
    }

    private static BigDecimal step(List<BigDecimal> steps, BigDecimal credit, Reason reason) {
        if (steps == null || steps.isEmpty()) {
            return credit;
        }
        BigDecimal best = BigDecimal.ZERO;
        for (BigDecimal s : steps) {
            if (s.compareTo(credit) <= 0 && s.compareTo(best) > 0) {
                best = s;
            }
        }
        if (best.compareTo(credit) != 0) {
            reason.add("the programme awards only " + steps.stream().map(CreditEngine::plain).toList() + " → "
                    + plain(best));
        }
        return best;
    }

    private static String presence(Facts facts, long minutes) {
        long complete = facts.intervals().stream().filter(i -> i.joined() != null && i.left() != null).count();
        return "present " + minutes + " min (" + (complete == 1 ? "1 interval" : complete == 0
                ? "no complete interval" : "union of " + complete + " intervals") + ")";
    }

    private static String incrementName(BigDecimal increment) {
        return switch (plain(increment)) {
            case "0.2" -> "fifths";
            case "0.5" -> "halves";
            case "0.1" -> "tenths";
            case "1" -> "whole credits";
            default -> "steps of " + plain(increment);
        };
    }

    /** Builds "X credits: step; step; step". */
    static final class Reason {
        private final List<String> steps = new ArrayList<>();

        Reason(String first) {
            steps.add(first);
        }

        void add(String step) {
            steps.add(step);
        }

        String text(BigDecimal credit) {
            String amount = plain(credit.setScale(1, RoundingMode.DOWN));
            return amount + (amount.equals("1") ? " credit: " : " credits: ") + String.join("; ", steps);
        }
    }

    static boolean requiresPolls(RulesetRules rules) {
        return rules.engagement() != null && rules.engagement().mode() != EngagementMode.NONE;
    }
}
