package io.teamscpe.session;

import java.time.Instant;
import java.util.List;

/**
 * The Graph online meeting a Join URL resolved to.
 *
 * @param providerType APPLICATION or DELEGATED, as the token broker reported the provider
 * @param notices what could not be checked (shown as warnings, never a refusal)
 */
public record ResolvedMeeting(String meetingId, String organizerId, Instant start, Instant end, String subject,
                             String providerType, List<String> notices) {
    public ResolvedMeeting {
        notices = notices == null ? List.of() : List.copyOf(notices);
    }

    public ResolvedMeeting(String meetingId, String organizerId, Instant start, Instant end, String subject,
                           String providerType) {
        this(meetingId, organizerId, start, end, subject, providerType, List.of());
    }
}
