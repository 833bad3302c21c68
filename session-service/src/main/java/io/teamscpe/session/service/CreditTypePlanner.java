package io.teamscpe.session.service;

import io.teamscpe.contracts.session.CreditType;
import io.teamscpe.session.CreditTypeDraft;
import io.teamscpe.session.PinnedRuleset;
import io.teamscpe.session.SessionDraft;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The credit types a session is to have: each one's ruleset version pinned (RulesetPinning), its maximum as given or
 * derived from the schedule under that version's rules. A type keeps the version it records while the request
 * leaves its ruleset as it is and names no version (types are matched on their code, ignoring case).
 */
@ApplicationScoped
public class CreditTypePlanner {
    private final RulesetPinning rulesets;

    public CreditTypePlanner(RulesetPinning rulesets) {
        this.rulesets = rulesets;
    }

    /** The types after {@code draft}, given the session's types {@code before} (empty when creating it). */
    @Transactional
    public List<CreditType> plan(String firmId, SessionDraft draft, List<CreditType> before) {
        Map<String, CreditType> existing = new HashMap<>();
        before.forEach(t -> existing.put(key(t.code()), t));
        List<CreditTypeDraft> wanted = draft.creditTypesAfter(before);
        List<CreditType> planned = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            CreditTypeDraft t = wanted.get(i);
            PinnedRuleset pin = pin(firmId, t, existing.get(key(t.code())), draft.fieldPrefix(i));
            BigDecimal max = t.derived()
                    ? CreditTypeDraft.derivedMax(pin.rules(), draft.scheduledStart(), draft.scheduledEnd())
                    : t.maxCredits();
            planned.add(new CreditType(t.code(), pin.rulesetId().toString(), pin.version(), max, t.derived()));
        }
        return planned;
    }

    private PinnedRuleset pin(String firmId, CreditTypeDraft t, CreditType old, String fieldPrefix) {
        String requested = t.rulesetId() == null || t.rulesetId().isBlank() ? null : t.rulesetId().trim();
        if (old != null && old.rulesetId() != null && old.rulesetVersion() != null
                && (requested == null || requested.equalsIgnoreCase(old.rulesetId()))
                && (t.rulesetVersion() == null || t.rulesetVersion().equals(old.rulesetVersion()))) {
            return rulesets.kept(UUID.fromString(old.rulesetId()), old.rulesetVersion());
        }
        String ruleset = requested == null && old != null ? old.rulesetId() : requested;
        return rulesets.pin(firmId, ruleset, t.rulesetVersion(), fieldPrefix);
    }

    private static String key(String code) {
        return code.toLowerCase(Locale.ROOT);
    }
}
