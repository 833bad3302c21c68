package io.teamscpe.contracts.poll;

import io.teamscpe.contracts.EventType;
import java.time.Instant;

/**
 * An admin mapped a poll respondent to a professional; the firm remembers it for later sessions. The affected polls
 * follow as {@link PollReconciled} revisions, so consumers need not apply the mapping themselves.
 *
 * @param respondentKey the respondent's identity: {@code email:<lower-cased email>} or {@code name:<normalized name>}
 */
@EventType("io.teamscpe.poll.respondent-mapped.v1")
public record RespondentMapped(String sessionId, String firmId, String respondentKey, String respondentEmail,
                               String respondentName, String professionalId, String professionalEmail,
                               String participantKey, String by, Instant occurredAt) implements PollEvent {
}
