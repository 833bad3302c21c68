package io.teamscpe.reporting.credit;

import io.teamscpe.contracts.session.RulesetRules;
import io.teamscpe.contracts.session.RulesetRules.MinuteRounding;
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
        MinuteRounding rounding = rules.attendance().rounding();
        long minutes = creditMinutes(seconds, rounding);
        Reason reason = new Reason(facts, seconds, minutes, rounding);
        // the credit follows from the minutes shown, never from seconds the reason does not show
        long hoursE2 = minutes * 100 / c.minutesPerCredit();
        BigDecimal credit = roundDown(BigDecimal.valueOf(minutes)
                .divide(BigDecimal.valueOf(c.minutesPerCredit()), 4, RoundingMode.DOWN), c.increment());
        reason.add(minutes + " min = " + plain(BigDecimal.valueOf(hoursE2, 2)) + " credit hours of "
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
        return new CreditResult(credit, minutes, seconds, answered, facts.polls().size(), reason.text(credit));
    }

    /** Minutes for credit from the seconds present: to the nearest minute (30 s round up) or down. */
    public static long creditMinutes(long seconds, MinuteRounding rounding) {
        return rounding == MinuteRounding.DOWN ? seconds / 60 : (seconds + 30) / 60;
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

        Reason(Facts facts, long seconds, long minutes, MinuteRounding rounding) {
            int complete = 0;
            for (var i : facts.intervals()) {
                if (i.joined() != null && i.left() != null) {
                    complete++;
                }
            }
            steps.append("present ").append(seconds / 60).append(" min");
            if (seconds % 60 != 0) {
                steps.append(' ').append(seconds % 60).append(" s");
            }
            steps.append(" (").append(complete == 1 ? "1 interval" : complete > 1 ? "union of " + complete
                    + " intervals" : facts.intervals().isEmpty() ? "no-show: never joined"
                    : "joined, but Teams reported no join/leave times").append(')');
            if (seconds % 60 != 0) {
                steps.append(" → ").append(minutes).append(rounding == MinuteRounding.DOWN
                        ? " min (rounded down to whole minutes)" : " min (to the nearest minute)");
            }
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
