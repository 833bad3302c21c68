package io.teamscpe.reporting.credit;

import io.teamscpe.contracts.session.RulesetRules;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The credit an admin may award by override: from 0 up to the session's maximum (or the ruleset's cap, when
 * lower), in hundredths at most, and a multiple of the ruleset's increment — or one of its allowed steps, when it
 * has them. Pure: a refusal names the rule and the values that would be accepted.
 */
public final class OverrideRules {
    /** Credit is kept in hundredths, finer than any increment (1, 0.5, 0.2, 0.1): more would be lost silently. */
    static final int KEPT_DECIMALS = 2;

    /** Why an override is refused: becomes an RFC 9457 problem; {@code members} are its extension members. */
    public record Refusal(int status, String slug, String title, String detail, Map<String, Object> members) {
    }

    private OverrideRules() {
    }

    /**
     * @param ruleset    how the ruleset is called in the refusal, e.g. "NASBA GIB v1"
     * @param sessionMax the session's max credits; null when the session states none
     */
    public static Optional<Refusal> check(BigDecimal credit, RulesetRules rules, String ruleset,
                                          BigDecimal sessionMax) {
        BigDecimal cap = rules.credit().cap();
        BigDecimal max;
        String maximum;
        if (sessionMax != null && (cap == null || sessionMax.compareTo(cap) <= 0)) {
            max = sessionMax;
            maximum = "this session's maximum of " + credits(max);
        } else if (cap != null) {
            max = cap;
            maximum = "the most the " + ruleset + " ruleset awards for one session, " + credits(max);
        } else {
            return refuse(409, "override-maximum-unknown", "Session maximum not known", "Reporting knows no "
                    + "maximum credits for this session and the " + ruleset + " ruleset sets no cap, so an override "
                    + "cannot be checked: set the session's max credits in session-service (PUT /api/sessions/{id})"
                    + " and try again once reporting shows the change.", Map.of());
        }
        if (credit.signum() < 0) {
            return refuse(422, "override-negative", "Override below zero", shown(credit)
                    + " is negative: credit cannot be less than 0; use 0 to award none.", Map.of("minimum", 0));
        }
        if (credit.signum() == 0) {
            return Optional.empty();
        }
        List<BigDecimal> steps = rules.allowedSteps() == null ? List.of() : rules.allowedSteps();
        BigDecimal increment = rules.credit().increment();
        String stepList = String.join(", ", withZero(steps).stream().map(CreditEngine::plain).toList());
        String awards = steps.isEmpty()
                ? "the " + ruleset + " ruleset awards credit in " + CreditEngine.incrementName(increment)
                : "the " + ruleset + " ruleset awards only " + stepList + " credits";
        if (credit.compareTo(max) > 0) {
            BigDecimal highest = steps.isEmpty() ? multipleBelow(max, increment) : stepBelow(steps, max);
            return refuse(422, "override-above-maximum", "Override above the maximum", shown(credit)
                    + " is above " + maximum + ": use at most " + CreditEngine.plain(highest) + ".",
                    Map.of("maximum", max));
        }
        int decimals = credit.stripTrailingZeros().scale();
        if (decimals > KEPT_DECIMALS) {
            List<BigDecimal> allowed = neighbours(truncated(credit), steps, increment, max);
            return refuse(422, "override-too-precise", "Override more precise than credit is kept", shown(credit)
                    + " has " + decimals + " decimal places, but credit is kept in hundredths and " + awards
                    + ": use " + either(allowed) + ".", Map.of("allowed", allowed));
        }
        if (!steps.isEmpty() && steps.stream().noneMatch(s -> s.compareTo(credit) == 0)) {
            List<BigDecimal> allowed = neighbours(credit, steps, increment, max);
            return refuse(422, "override-not-an-allowed-step", "Override not an allowed step", shown(credit)
                    + " is not one of the credits the " + ruleset + " ruleset awards (" + stepList + "): use "
                    + either(allowed) + ".",
                    Map.of("allowed", allowed));
        }
        if (steps.isEmpty() && credit.remainder(increment).signum() != 0) {
            List<BigDecimal> allowed = neighbours(credit, steps, increment, max);
            return refuse(422, "override-off-increment", "Override off the ruleset's increment", shown(credit)
                    + " is not a multiple of " + CreditEngine.plain(increment) + " (" + awards + "): use "
                    + either(allowed) + ".", Map.of("allowed", allowed));
        }
        return Optional.empty();
    }

    /** An accepted credit as kept: in hundredths (exact: {@link #check} refused anything finer). */
    public static BigDecimal kept(BigDecimal credit) {
        // a zero may come as 0E-999999999: rescaling it would build a billion-digit power of ten
        return credit.signum() == 0 ? BigDecimal.ZERO.setScale(KEPT_DECIMALS)
                : credit.setScale(KEPT_DECIMALS, RoundingMode.UNNECESSARY);
    }

    private static Optional<Refusal> refuse(int status, String slug, String title, String detail,
                                            Map<String, Object> members) {
        return Optional.of(new Refusal(status, slug, title, detail, members));
    }

    /** The allowed credit just below (or at) {@code value} and the one just above it, when within the maximum. */
    private static List<BigDecimal> neighbours(BigDecimal value, List<BigDecimal> steps, BigDecimal increment,
                                               BigDecimal max) {
        List<BigDecimal> out = new ArrayList<>(2);
        BigDecimal below = steps.isEmpty() ? multipleBelow(value, increment) : stepBelow(steps, value);
        out.add(normal(below));
        BigDecimal above = null;
        if (steps.isEmpty()) {
            above = below.add(increment);
        } else {
            for (BigDecimal s : steps) {
                if (s.compareTo(value) > 0 && (above == null || s.compareTo(above) < 0)) {
                    above = s;
                }
            }
        }
        if (above != null && above.compareTo(max) <= 0) {
            out.add(normal(above));
        }
        return List.copyOf(out);
    }

    private static BigDecimal multipleBelow(BigDecimal value, BigDecimal increment) {
        return value.divide(increment, 0, RoundingMode.FLOOR).multiply(increment);
    }

    private static BigDecimal stepBelow(List<BigDecimal> steps, BigDecimal value) {
        BigDecimal best = BigDecimal.ZERO;
        for (BigDecimal s : steps) {
            if (s.compareTo(value) <= 0 && s.compareTo(best) > 0) {
                best = s;
            }
        }
        return best;
    }

    private static List<BigDecimal> withZero(List<BigDecimal> steps) {
        List<BigDecimal> out = new ArrayList<>(steps);
        if (out.stream().noneMatch(s -> s.signum() == 0)) {
            out.add(0, BigDecimal.ZERO);
        }
        return out;
    }

    /**
     * {@code value} (at most the maximum, so a few integer digits) cut to 10 decimals without arithmetic on its
     * scale, which a JSON number such as 1e-999999999 makes huge.
     */
    private static BigDecimal truncated(BigDecimal value) {
        if (value.scale() <= 10) {
            return value;
        }
        long digits = (long) value.precision() - value.scale() + 10;
        return digits <= 0 ? BigDecimal.ZERO : value.round(new MathContext((int) digits, RoundingMode.DOWN));
    }

    private static BigDecimal normal(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String either(List<BigDecimal> values) {
        return values.size() == 1 ? CreditEngine.plain(values.get(0))
                : CreditEngine.plain(values.get(0)) + " or " + CreditEngine.plain(values.get(1));
    }

    private static String credits(BigDecimal d) {
        String n = CreditEngine.plain(d);
        return n + (n.equals("1") ? " credit" : " credits");
    }

    /** The number as sent, but never thousands of characters (1e400 stays 1E+400). */
    static String shown(BigDecimal d) {
        if (d.precision() <= 20 && d.scale() >= -20 && d.scale() <= 20) {
            return CreditEngine.plain(d);
        }
        String s = d.round(new MathContext(12, RoundingMode.DOWN)).toString();
        return d.precision() > 12 ? s + "…" : s;
    }
}
