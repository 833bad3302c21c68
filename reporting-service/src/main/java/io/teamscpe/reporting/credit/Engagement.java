package io.teamscpe.reporting.credit;

import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.contracts.session.RulesetRules;
import io.teamscpe.contracts.session.RulesetRules.EngagementMode;
import io.teamscpe.contracts.session.RulesetRules.Tier;
import io.teamscpe.contracts.session.RulesetRules.WithoutPolls;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;

/** The engagement half of the rules: polls presented and answered limit what attendance earned. */
final class Engagement {
    private Engagement() {
    }

    /** @param answered what {@link #answered} says for these rules and facts */
    static BigDecimal apply(RulesetRules rules, Facts facts, int answered, BigDecimal credit,
                            CreditEngine.Reason reason) {
        RulesetRules.Engagement e = rules.engagement();
        if (e == null || e.mode() == EngagementMode.NONE) {
            return credit;
        }
        int presented = facts.polls().size();
        if (presented == 0) {
            if (rules.withoutPolls() == WithoutPolls.WITHHOLD) {
                reason.add("no polls uploaded: this ruleset withholds credit until they are");
                return BigDecimal.ZERO;
            }
            reason.add("no polls uploaded: credit from attendance only");
            return credit;
        }
        String answeredText = "answered " + answered + " of " + presented + " polls"
                + (e.onlyWhilePresent() ? " while present" : "");
        BigDecimal increment = rules.credit().increment();
        BigDecimal result = switch (e.mode()) {
            case POLLS_PER_CREDIT -> perCredit(e.pollsPerCredit(), answered, answeredText, credit, increment, reason);
            case POLL_SHARE -> share(e.minimumShare(), answered, presented, answeredText, credit, reason);
            case TIERS -> tiers(rules, answered, presented, answeredText, credit, increment, reason);
            default -> credit;
        };
        return perWindow(e.perWindow(), answered, facts, rules, result, reason);
    }

    static int answered(RulesetRules rules, Facts facts) {
        boolean whilePresent = rules.engagement() != null && rules.engagement().onlyWhilePresent();
        int answered = 0;
        for (Facts.PollFact p : facts.polls()) {
            if (p.answered() && (!whilePresent || present(facts, p.answeredAt()))) {
                answered++;
            }
        }
        return answered;
    }

    private static BigDecimal perCredit(Integer perCredit, int answered, String text, BigDecimal credit,
                                        BigDecimal increment, CreditEngine.Reason reason) {
        int n = perCredit == null ? 0 : perCredit;
        if (n == 0 || credit.signum() == 0) {
            reason.add(text);
            return credit;
        }
        BigDecimal needed = BigDecimal.valueOf(n).multiply(credit);
        int neededWhole = needed.setScale(0, RoundingMode.CEILING).intValueExact();
        if (answered >= neededWhole) {
            reason.add(text + ", needs " + n + " × " + CreditEngine.plain(credit) + " = " + CreditEngine.plain(needed)
                    + " → " + neededWhole + ": met");
            return credit;
        }
        BigDecimal supported = CreditEngine.roundDown(BigDecimal.valueOf(answered)
                .divide(BigDecimal.valueOf(n), 4, RoundingMode.DOWN), increment);
        reason.add(text + ", needs " + neededWhole + " for " + CreditEngine.plain(credit) + ": not met; "
                + answered + " ÷ " + n + " supports " + CreditEngine.plain(supported));
        return supported.min(credit);
    }

    private static BigDecimal share(BigDecimal minimum, int answered, int presented, String text, BigDecimal credit,
                                    CreditEngine.Reason reason) {
        BigDecimal share = BigDecimal.valueOf(answered).divide(BigDecimal.valueOf(presented), 4, RoundingMode.DOWN);
        boolean met = minimum == null || share.compareTo(minimum) >= 0;
        reason.add(text + " (" + percent(share) + "), needs " + percent(minimum) + ": " + (met ? "met" : "not met"));
        return met ? credit : BigDecimal.ZERO;
    }

    private static BigDecimal tiers(RulesetRules rules, int answered, int presented, String text, BigDecimal credit,
                                    BigDecimal increment, CreditEngine.Reason reason) {
        BigDecimal share = BigDecimal.valueOf(answered).divide(BigDecimal.valueOf(presented), 4, RoundingMode.DOWN);
        Tier tier = rules.tiers().stream().filter(t -> share.compareTo(t.minimumShare()) >= 0)
                .max(Comparator.comparing(Tier::minimumShare)).orElse(null);
        BigDecimal fraction = tier == null ? BigDecimal.ZERO : tier.creditFraction();
        BigDecimal result = CreditEngine.roundDown(credit.multiply(fraction), increment);
        reason.add(text + " (" + percent(share) + ") → tier " + (tier == null ? "none" : "≥ "
                + percent(tier.minimumShare())) + " earns " + percent(fraction) + " of the credit = "
                + CreditEngine.plain(result));
        return result;
    }

    private static BigDecimal perWindow(RulesetRules.PerWindow w, int answered, Facts facts, RulesetRules rules,
                                        BigDecimal credit, CreditEngine.Reason reason) {
        if (w == null || w.responses() <= 0 || w.windowMinutes() <= 0 || credit.signum() == 0) {
            return credit;
        }
        long minutes = AttendedTime.within(facts.intervals(), facts.windowStart(), facts.windowEnd()).toMinutes();
        long windows = minutes / w.windowMinutes();
        long needed = windows * w.responses();
        if (answered >= needed) {
            return credit;
        }
        long supportedMinutes = (long) (answered / w.responses()) * w.windowMinutes();
        BigDecimal supported = CreditEngine.roundDown(BigDecimal.valueOf(supportedMinutes)
                .divide(BigDecimal.valueOf(rules.credit().minutesPerCredit()), 4, RoundingMode.DOWN),
                rules.credit().increment());
        reason.add("needs " + w.responses() + " response(s) in each " + w.windowMinutes() + " min present ("
                + needed + "), gave " + answered + ": supports " + supportedMinutes + " min → "
                + CreditEngine.plain(supported));
        return supported.min(credit);
    }

    private static boolean present(Facts facts, Instant at) {
        for (Interval i : facts.intervals()) {
            if (i.joined() != null && i.left() != null && !at.isBefore(i.joined()) && !at.isAfter(i.left())) {
                return true;
            }
        }
        return false;
    }

    private static String percent(BigDecimal share) {
        return share == null ? "0%" : CreditEngine.plain(share.multiply(BigDecimal.valueOf(100))
                .setScale(0, RoundingMode.DOWN)) + "%";
    }
}
