package io.teamscpe.contracts.session;

import java.math.BigDecimal;

/**
 * One kind of credit a session awards (CPA under NASBA, CFP, enrolled agent…), each under its own ruleset version
 * and maximum. A session has one or more, their codes unique within it; credit is suggested, overridden, processed
 * and published per professional per credit type.
 *
 * @param code              short name the firm chooses ({@code CPA}, {@code CFP}, {@code EA}); a session made with a
 *                          single ruleset has one credit type, {@link #DEFAULT_CODE}
 * @param maxCredits        the most this type awards for the session; when the administrator gives none it is
 *                          derived from the scheduled duration under the ruleset ({@link RulesetRules#maxCreditFor})
 * @param maxCreditsDerived true when {@code maxCredits} was derived rather than given
 */
public record CreditType(String code, String rulesetId, Integer rulesetVersion, BigDecimal maxCredits,
                         boolean maxCreditsDerived) {
    /** The code of the one credit type of a session that names a single ruleset (and of events before types). */
    public static final String DEFAULT_CODE = "CPE";
}
