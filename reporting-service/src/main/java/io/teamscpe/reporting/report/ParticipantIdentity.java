package io.teamscpe.reporting.report;

import io.teamscpe.contracts.attendance.Participant;
import io.teamscpe.platform.people.Names;

/**
 * The key a firm remembers an attendance participant under, across sessions: {@code oid:<Entra object id>} when Teams
 * gave one, else {@code email:<lower-cased email>}, else {@code name:<normalized display name>} (a guest who joined
 * without signing in). The participant key is no such key: an anonymous joiner's is a hash of their name and first
 * join, new in every session.
 *
 * <p>Risk of the name rule: a display name is whatever the guest typed; another person joining a later session under
 * the same name is tied to the same professional. So a name-keyed memory is applied only when exactly one unmatched
 * attendee of the session has that name and the professional has no attendance of their own there, the row says it
 * was REMEMBERED, and the administrator can undo it in that session.
 */
public final class ParticipantIdentity {
    private ParticipantIdentity() {
    }

    /** The identity key, or null when the participant gives nothing stable (no id, email or usable name). */
    public static String of(Participant p) {
        if (p.objectId() != null && !p.objectId().isBlank()) {
            return "oid:" + p.objectId().trim();
        }
        String email = Names.email(p.email());
        if (email != null) {
            return "email:" + email;
        }
        String name = Names.normalize(p.displayName());
        return name == null ? null : "name:" + name;
    }

    /** Whether the key is the display-name rule's (the weakest identity). */
    public static boolean byName(String identityKey) {
        return identityKey != null && identityKey.startsWith("name:");
    }
}
