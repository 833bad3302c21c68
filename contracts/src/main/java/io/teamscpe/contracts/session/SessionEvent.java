package io.teamscpe.contracts.session;

import io.teamscpe.contracts.CpeEvent;
import io.teamscpe.contracts.Topic;
import io.teamscpe.contracts.Topics;

/**
 * Facts about CPE sessions, their rosters and the firm's rulesets. Key: session id ({@link RulesetPublished}: ruleset
 * id).
 */
@Topic(Topics.SESSIONS)
public sealed interface SessionEvent extends CpeEvent permits SessionScheduled, SessionCancelled,
        EnrollmentChunk, EnrollmentSnapshotCompleted, RulesetPublished {
    String sessionId();

    @Override
    default String key() {
        return sessionId();
    }
}
