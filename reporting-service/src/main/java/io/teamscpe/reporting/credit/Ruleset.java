package io.teamscpe.reporting.credit;

import java.math.BigDecimal;

/**
 * The credit rules a session is evaluated under (see shared/design/CREDIT-RULES.md).
 *
 * @param creditMinutes minutes in one credit hour (50 for NASBA, 60 for most CLE)
 * @param increment     credit granularity after the first credit, rounded down (0.2 fifths, 0.5 halves, 1 whole)
 * @param minimumCredit below this nothing is awarded (NASBA: 1 full credit)
 */
public record Ruleset(String name, int version, int creditMinutes, BigDecimal increment, BigDecimal minimumCredit) {
    /** NASBA group internet-based: 50-minute credits in fifths, at least one credit. */
    public static final Ruleset NASBA_GIB = new Ruleset("NASBA GIB", 1, 50, new BigDecimal("0.2"), BigDecimal.ONE);

    public String incrementName() {
        return switch (increment.stripTrailingZeros().toPlainString()) {
            case "0.2" -> "fifths";
            case "0.5" -> "halves";
            case "0.1" -> "tenths";
            case "1" -> "whole credits";
            default -> "steps of " + increment.toPlainString();
        };
    }
}
