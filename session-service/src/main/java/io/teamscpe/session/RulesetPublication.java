package io.teamscpe.session;

/** How far a session's ruleset version got, and the ruleset's name (null when there is no such ruleset). */
public record RulesetPublication(State state, String name) {
    /** SENT (on Kafka), PENDING (in the outbox), MISSING (no such version). */
    public enum State {
        SENT,
        PENDING,
        MISSING
    }
}
