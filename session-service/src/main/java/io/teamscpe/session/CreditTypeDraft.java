package io.teamscpe.session;

import io.teamscpe.contracts.session.CreditType;
import io.teamscpe.contracts.session.RulesetRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * One credit type as the admin sends it. {@code rulesetId} null: the firm's default (on an update: the type's
 * ruleset, unchanged); {@code rulesetVersion} null: the ruleset's current version (on an update with the same
 * ruleset: the version the type records); {@code maxCredits} null: derived from the schedule under the ruleset.
 */
public record CreditTypeDraft(String code, String rulesetId, Integer rulesetVersion, BigDecimal maxCredits) {
    /** What a code may hold (1 to 40 characters): {@code CPA}, {@code CFP}, {@code EA}, {@code NY_CLE} … */
    public static final String CODE_PATTERN = "[A-Za-z0-9_-]{1,40}";
    /** The most credit types a session may have. */
    public static final int MAX_TYPES = 10;
    /** The most a maximum may be, given or derived (the bound of a given one; numeric(5,2) holds it). */
    public static final BigDecimal MAX_CREDITS = BigDecimal.valueOf(100);

    /** The type as it stands, sent again: its ruleset version pinned, its maximum given or derived as it was. */
    public static CreditTypeDraft of(CreditType kept) {
        return new CreditTypeDraft(kept.code(), kept.rulesetId(), kept.rulesetVersion(),
                kept.maxCreditsDerived() ? null : kept.maxCredits());
    }

    /** Whether the maximum is to be derived. */
    public boolean derived() {
        return maxCredits == null;
    }

    /**
     * The maximum full attendance of the schedule earns under {@code rules} ({@link RulesetRules#maxCreditFor}),
     * at most {@link #MAX_CREDITS}; null without rules to derive it from.
     */
    public static BigDecimal derivedMax(RulesetRules rules, Instant start, Instant end) {
        if (rules == null) {
            return null;
        }
        BigDecimal max = rules.maxCreditFor(Duration.between(start, end).toMinutes());
        return max.compareTo(MAX_CREDITS) > 0 ? MAX_CREDITS : max;
    }
}
