package io.teamscpe.contracts.session;

import io.teamscpe.contracts.CpeEvent;
import io.teamscpe.contracts.Topic;
import io.teamscpe.contracts.Topics;

/** Facts about CPE sessions. Key: session id. */
@Topic(Topics.SESSIONS)
public sealed interface SessionEvent extends CpeEvent permits SessionScheduled, SessionCancelled {
    String sessionId();

    @Override
    default String key() {
        return sessionId();
    }
}
