package io.teamscpe.reporting.credit;

import io.teamscpe.contracts.attendance.Interval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Pure credit rules: facts in, credit and reason out. No I/O, no clock. */
public final class CreditEngine {
    private CreditEngine() {
    }

    public static CreditResult evaluate(Ruleset rules, List<Interval> intervals, Instant windowStart,
                                        Instant windowEnd, BigDecimal cap) {
        Duration present = AttendedTime.within(intervals, windowStart, windowEnd);
        long seconds = present.getSeconds();
        long minutes = seconds / 60;
        long counted = intervals.stream().filter(i -> i.joined() != null && i.left() != null).count();
        String presence = "present " + minutes + " min (" + (counted == 1 ? "1 interval"
                : "union of " + counted + " intervals") + ")";
        BigDecimal hours = BigDecimal.valueOf(seconds)
                .divide(BigDecimal.valueOf(rules.creditMinutes() * 60L), 4, RoundingMode.DOWN);
        BigDecimal credit = roundDown(hours, rules.increment());
        if (credit.compareTo(rules.minimumCredit()) < 0) {
            return new CreditResult(BigDecimal.ZERO.setScale(1), minutes, "0 credits: " + presence
                    + ", below the " + plain(rules.minimumCredit()) + "-credit minimum ("
                    + rules.minimumCredit().multiply(BigDecimal.valueOf(rules.creditMinutes())).intValue()
                    + " min)");
        }
        String reason = plain(credit) + " credits: " + presence + "; " + minutes + " min = " + plain(hours.setScale(2, RoundingMode.DOWN))
                + " credit hours of " + rules.creditMinutes() + " min → " + plain(credit) + " in "
                + rules.incrementName();
        if (cap != null && credit.compareTo(cap) > 0) {
            return new CreditResult(cap.setScale(1, RoundingMode.DOWN), minutes,
                    plain(cap) + " credits: " + reason.substring(reason.indexOf(':') + 2)
                            + "; capped at the session's maximum of " + plain(cap));
        }
        return new CreditResult(credit.setScale(1, RoundingMode.DOWN), minutes, reason);
    }

    static BigDecimal roundDown(BigDecimal value, BigDecimal increment) {
        return value.divide(increment, 0, RoundingMode.DOWN).multiply(increment);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
