package io.teamscpe.reporting.credit;

import io.teamscpe.contracts.session.RulesetRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Pure credit rules (docs/credit-rules.md): facts and a ruleset in, credit and a plain-language reason
 * out. No I/O, no clock. Credit only ever rounds down.
 */
public final class CreditEngine {
    private static final BigDecimal FIFTH = new BigDecimal("0.2");
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal TENTH = new BigDecimal("0.1");

    private CreditEngine() {
    }

    public static CreditResult evaluate(RulesetRules rules, Facts facts) {
        RulesetRules.Credit c = rules.credit();
        long seconds = AttendedTime.within(facts.intervals(), facts.windowStart(),
                facts.windowEnd().plusSeconds(60L * rules.attendance().graceMinutes())).getSeconds();
        long minutes = seconds / 60;
        Reason reason = new Reason(facts, minutes);
        // seconds are never negative, so long division is the same as rounding down to 4 places
        long hoursE4 = seconds * 10_000 / (c.minutesPerCredit() * 60L);
        BigDecimal credit = roundDown(BigDecimal.valueOf(hoursE4, 4), c.increment());
        reason.add(minutes + " min = " + plain(BigDecimal.valueOf(hoursE4 / 100, 2)) + " credit hours of "
                + c.minutesPerCredit() + " min → " + plain(credit) + " in " + incrementName(c.increment()));
        BigDecimal cap = c.cap() != null ? c.cap() : facts.sessionCap();
        if (cap != null && credit.compareTo(cap) > 0) {
            credit = cap;
            reason.add("capped at " + plain(cap));
        }
        int answered = Engagement.answered(rules, facts);
        credit = minimum(c, credit, reason);
        credit = minimum(c, Engagement.apply(rules, facts, answered, credit, reason), reason);
        credit = step(rules.allowedSteps(), credit, reason).setScale(1, RoundingMode.DOWN);
        return new CreditResult(credit, minutes, answered, facts.polls().size(), reason.text(credit));
    }

    static BigDecimal roundDown(BigDecimal value, BigDecimal increment) {
        return value.divide(increment, 0, RoundingMode.DOWN).multiply(increment);
    }

    /** The number without trailing zeros, never in exponent form (what stripTrailingZeros().toPlainString() says). */
    static String plain(BigDecimal d) {
        String s = d.toPlainString();
        if (d.scale() <= 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
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

    static String incrementName(BigDecimal increment) {
        if (increment.compareTo(FIFTH) == 0) {
            return "fifths";
        } else if (increment.compareTo(HALF) == 0) {
            return "halves";
        } else if (increment.compareTo(TENTH) == 0) {
            return "tenths";
        } else if (increment.compareTo(BigDecimal.ONE) == 0) {
            return "whole credits";
        }
        return "steps of " + plain(increment);
    }

    /** Builds "X credits: step; step; step". */
    static final class Reason {
        private final StringBuilder steps = new StringBuilder(256);

        Reason(Facts facts, long minutes) {
            int complete = 0;
            for (var i : facts.intervals()) {
                if (i.joined() != null && i.left() != null) {
                    complete++;
                }
            }
            steps.append("present ").append(minutes).append(" min (").append(complete == 1 ? "1 interval"
                    : complete == 0 ? "no complete interval" : "union of " + complete + " intervals").append(')');
        }

        void add(String step) {
            steps.append("; ").append(step);
        }

        /** @param credit the final credit, already at one decimal */
        String text(BigDecimal credit) {
            String amount = plain(credit);
            return amount + (amount.equals("1") ? " credit: " : " credits: ") + steps;
        }
    }
}
