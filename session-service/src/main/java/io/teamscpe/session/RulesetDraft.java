package io.teamscpe.session;

import io.teamscpe.contracts.session.RulesetRules;

/** A ruleset as the admin sends it: name, description, rules, and whether it becomes the firm's default. */
public record RulesetDraft(String name, String description, RulesetRules rules, Boolean makeDefault) {
}
