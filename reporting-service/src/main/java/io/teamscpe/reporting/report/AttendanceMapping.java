package io.teamscpe.reporting.report;

import java.time.Instant;

/**
 * An attendance participant of one session tied to an enrolled professional by an administrator.
 *
 * @param identityKey the participant's stable identity the firm remembers it under ({@link ParticipantIdentity});
 *                    null when the participant has none (an anonymous joiner without a display name)
 * @param mappedBy    the administrator whose decision it is: for {@link Method#REMEMBERED}, the one who mapped the
 *                    identity for the firm
 * @param mappedAt    when it took effect in this session
 */
public record AttendanceMapping(String participantKey, String identityKey, String lmsId, Method method,
                                String mappedBy, Instant mappedAt) {
    /** Who decided it for this session. */
    public enum Method {
        /** An administrator mapped the participant in this session. */
        MAPPED,
        /** The firm's memory of the participant's identity, applied when the session's attendance or roster came. */
        REMEMBERED
    }
}
