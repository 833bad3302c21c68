package io.teamscpe.session;

import io.teamscpe.contracts.session.CreditType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.UUID;

/** One credit type of a session as stored (a row of {@code session_credit_type}; its position is the list's index). */
@Embeddable
public class SessionCreditType {
    public String code;
    @Column(name = "ruleset_id")
    public UUID rulesetId;
    @Column(name = "ruleset_version")
    public Integer rulesetVersion;
    @Column(name = "max_credits")
    public BigDecimal maxCredits;
    @Column(name = "max_credits_derived")
    public boolean maxCreditsDerived;

    public static SessionCreditType of(CreditType t) {
        SessionCreditType row = new SessionCreditType();
        row.code = t.code();
        row.rulesetId = t.rulesetId() == null ? null : UUID.fromString(t.rulesetId());
        row.rulesetVersion = t.rulesetVersion();
        row.maxCredits = t.maxCredits();
        row.maxCreditsDerived = t.maxCreditsDerived();
        return row;
    }

    /** As the contract's record (what the session's events carry). */
    public CreditType toCreditType() {
        return new CreditType(code, rulesetId == null ? null : rulesetId.toString(), rulesetVersion, maxCredits,
                maxCreditsDerived);
    }
}
