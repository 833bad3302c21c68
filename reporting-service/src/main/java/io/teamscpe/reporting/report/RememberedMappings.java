package io.teamscpe.reporting.report;

import io.teamscpe.contracts.attendance.Participant;
import io.teamscpe.reporting.report.SessionSnapshot.Attendee;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The firm's memory of attendance identities ({@link ParticipantIdentity}) applied to a session: which of its
 * unmatched attendees to map, and to whom. An attendee is mapped from memory only when no mapping of theirs was
 * ever decided in the session (in force or undone: an undo is never overridden), the remembered professional is
 * enrolled, has no attendance of their own and no other mapped attendee there, and — for an identity that is only a
 * display name — no other unmatched attendee of the session has that name.
 */
public final class RememberedMappings {
    /** The firm's memory of one identity: the professional, who mapped it, when, in which session. */
    public record Remembered(String lmsId, String mappedBy, Instant mappedAt, String sessionId) {
    }

    private RememberedMappings() {
    }

    /**
     * @param decided participant keys with a mapping row in the session, in force or undone
     * @param memory  the firm's memory by identity key
     */
    public static List<AttendanceMapping> toApply(SessionSnapshot f, Set<String> decided,
                                                  Map<String, Remembered> memory, Instant now) {
        if (memory.isEmpty() || f.attendees().isEmpty()) {
            return List.of();
        }
        Set<String> unmatched = new HashSet<>();
        Set<String> taken = new HashSet<>();
        Set<String> enrolled = new HashSet<>();
        for (Matching.Participant row : Matching.participants(f)) {
            if (row.matchStatus() != MatchStatus.ENROLLED) {
                unmatched.add(row.id());
            } else {
                enrolled.add(row.id());
                if (row.attendance() != Presence.NO_SHOW) {
                    taken.add(row.id());
                }
            }
        }
        f.mappings().forEach(m -> taken.add(m.lmsId()));
        Map<String, Integer> named = new HashMap<>();
        for (Attendee a : f.attendees()) {
            String identity = ParticipantIdentity.of(a.participant());
            if (identity != null && unmatched.contains(a.participant().participantKey())) {
                named.merge(identity, 1, Integer::sum);
            }
        }
        List<AttendanceMapping> out = new ArrayList<>();
        for (Attendee a : f.attendees()) {
            Participant p = a.participant();
            String identity = ParticipantIdentity.of(p);
            Remembered r = identity == null ? null : memory.get(identity);
            if (r == null || !unmatched.contains(p.participantKey()) || decided.contains(p.participantKey())
                    || !enrolled.contains(r.lmsId()) || taken.contains(r.lmsId())
                    || (ParticipantIdentity.byName(identity) && named.get(identity) > 1)) {
                continue;
            }
            taken.add(r.lmsId());
            out.add(new AttendanceMapping(p.participantKey(), identity, r.lmsId(),
                    MappingMethod.REMEMBERED, r.mappedBy(), now));
        }
        return out;
    }
}
