package io.teamscpe.contracts.attendance;

import java.util.List;

/**
 * Who attended, as Teams knows them.
 *
 * @param participantKey stable within a session across snapshots: object id, else lower-cased email, else a
 *                       hash of what Teams gave (anonymous joiners)
 * @param role           Teams role: Organizer, Presenter, Attendee, None ...
 * @param flags          data-quality notes kept rather than dropped: NO_EMAIL, NO_DISPLAY_NAME, TEAMS_VISITOR,
 *                       NULL_INTERVAL
 */
public record Participant(String participantKey, String objectId, String email, String displayName, String role,
                          boolean guest, boolean anonymous, List<String> flags) {
}
