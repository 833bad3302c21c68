package io.teamscpe.session;

import java.util.UUID;

/** (ruleset, version) a session records. */
public record PinnedRuleset(UUID rulesetId, int version) {
}
