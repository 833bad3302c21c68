package io.teamscpe.reporting.report;

import java.time.Instant;

/**
 * An attendance participant of one session tied to an enrolled professional by an administrator.
 *
 * @param identityKey the participant's stable identity the firm remembers it under ({@link ParticipantIdentity});
 *                    null when the participant has none (an anonymous joiner without a display name)
 * @param mappedBy    the administrator whose decision it is: for {@link MappingMethod#REMEMBERED}, the one who
 *                    mapped the identity for the firm
 * @param mappedAt    when it took effect in this session
 */
public record AttendanceMapping(String participantKey, String identityKey, String lmsId, MappingMethod method,
                                String mappedBy, Instant mappedAt) {
}
