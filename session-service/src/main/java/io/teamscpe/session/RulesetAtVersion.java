package io.teamscpe.session;

import io.teamscpe.contracts.session.RulesetRules;

/** A ruleset at one version: the rules of that version and how many sessions record it. */
public record RulesetAtVersion(Ruleset ruleset, int version, RulesetRules rules, long sessionsUsingVersion) {
}
