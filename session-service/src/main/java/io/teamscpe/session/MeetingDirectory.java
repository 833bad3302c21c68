package io.teamscpe.session;

import io.teamscpe.platform.graph.BrokeredToken;

/**
 * The seam to the meeting platform: a session's meeting link checked and identified, and resolved to the meeting's
 * facts (id, organizer, schedule) with the provider's access. Microsoft Teams implements it today.
 */
public interface MeetingDirectory {
    /** Checks a meeting link (refused with 400 {@code invalid-join-url}) and names the meeting it points to. */
    MeetingLink link(String joinUrl);

    /**
     * Access for the provider acting for the organizer; refused (422/424) when the provider cannot get it or the
     * organizer does not fit the provider.
     */
    BrokeredToken access(String firmId, String providerId, String organizerId);

    /** The meeting behind a link, with access already obtained (pre-flight reuses one for several checks). */
    ResolvedMeeting resolve(BrokeredToken access, String providerId, MeetingLink link);

    /** The meeting behind a link, obtaining access first. */
    default ResolvedMeeting resolve(String firmId, String providerId, String organizerId, MeetingLink link) {
        return resolve(access(firmId, providerId, organizerId), providerId, link);
    }

    /**
     * A meeting link as entered, and what identifies its meeting regardless of tracking parameters (duplicate
     * detection).
     */
    record MeetingLink(String url, String key) {
    }
}
