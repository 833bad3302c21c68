package io.teamscpe.session;

import io.teamscpe.contracts.session.RulesetRules;
import java.util.UUID;

/** (ruleset, version) a session's credit type records, with that version's rules (null if the version is gone). */
public record PinnedRuleset(UUID rulesetId, int version, RulesetRules rules) {
}
