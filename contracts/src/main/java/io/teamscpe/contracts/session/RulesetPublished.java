package io.teamscpe.contracts.session;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.teamscpe.contracts.EventType;
import java.time.Instant;

/**
 * A ruleset version, complete. Sessions record (rulesetId, version); a version never changes once a session uses
 * it (an edit then creates the next version). A later event for the same version replaces the earlier one: that
 * happens only while no session uses the version. Key: ruleset id (rulesets are firm-wide, not per session).
 */
@EventType("io.teamscpe.session.ruleset-published.v1")
public record RulesetPublished(String rulesetId, String firmId, String name, int version, boolean firmDefault,
                               RulesetRules rules, Instant occurredAt) implements SessionEvent {
    /** Rulesets belong to no session. */
    @Override
    @JsonIgnore
    public String sessionId() {
        return null;
    }

    @Override
    public String key() {
        return rulesetId;
    }
}
