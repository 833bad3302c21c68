package io.teamscpe.reporting.credit;

import java.math.BigDecimal;

/**
 * Suggested credit with the plain-language reason an auditor reads.
 *
 * @param minutesPresent minutes for credit: the seconds present rounded by the ruleset's minute rounding
 * @param secondsPresent time present, to the second (union of intervals within the window)
 */
public record CreditResult(BigDecimal credit, long minutesPresent, long secondsPresent, int pollsAnswered,
                           int pollsPresented, String reason) {
}
