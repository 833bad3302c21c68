package io.teamscpe.reporting.credit;

import java.math.BigDecimal;

/** Suggested credit with the plain-language reason an auditor reads. */
public record CreditResult(BigDecimal credit, long minutesPresent, int pollsAnswered, int pollsPresented,
                           String reason) {
}
