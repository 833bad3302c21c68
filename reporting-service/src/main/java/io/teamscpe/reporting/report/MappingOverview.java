package io.teamscpe.reporting.report;

import io.teamscpe.contracts.attendance.Participant;
import io.teamscpe.reporting.report.SessionSnapshot.Attendee;
import io.teamscpe.reporting.report.SessionSnapshot.Enrolled;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A session's attendance mappings in force, and its unmatched attendees with suggestions, best first. */
public record MappingOverview(String sessionId, List<Mapped> mappings, List<Unmatched> unmatched) {
    /**
     * A mapping in force and what it does.
     *
     * @param displayName  the participant's, from the current attendance (null when they are no longer in it)
     * @param inEffect     whether the participant's attendance counts for the professional now
     * @param note         why not, when it does not
     */
    public record Mapped(AttendanceMapping mapping, String displayName, String email, String professionalName,
                         boolean inEffect, String note) {
    }

    /** A row no enrollment claims, with its identity and whom it may be. */
    public record Unmatched(Matching.Participant row, String identityKey,
                            List<MappingSuggestions.Suggestion> suggestions) {
    }

    public static MappingOverview of(SessionSnapshot f) {
        List<Matching.Participant> rows = Matching.participants(f);
        Set<String> effective = new HashSet<>();
        rows.forEach(r -> r.mappedAttendees().forEach(m -> effective.add(m.participantKey())));
        Map<String, Participant> attendees = new HashMap<>();
        f.attendees().stream().map(Attendee::participant).forEach(p -> attendees.put(p.participantKey(), p));
        Map<String, Enrolled> roster = new HashMap<>();
        f.roster().forEach(e -> roster.putIfAbsent(e.lmsId(), e));
        List<Mapped> mapped = new ArrayList<>();
        for (AttendanceMapping m : f.mappings()) {
            Participant p = attendees.get(m.participantKey());
            Enrolled e = roster.get(m.lmsId());
            boolean inEffect = effective.contains(m.participantKey());
            String note = inEffect ? null : p == null ? "The participant is not in the session's current attendance."
                    : e == null ? "The professional is no longer enrolled in the session."
                    : "The participant's email already ties them to an enrollment: the mapping is not needed.";
            mapped.add(new Mapped(m, p == null ? null : p.displayName(), p == null ? null : p.email(),
                    e == null ? null : e.displayName(), inEffect, note));
        }
        List<Unmatched> unmatched = new ArrayList<>();
        for (Matching.Participant row : rows) {
            if (row.matchStatus() != MatchStatus.ENROLLED) {
                Participant p = attendees.get(row.id());
                unmatched.add(new Unmatched(row, p == null ? null : ParticipantIdentity.of(p),
                        MappingSuggestions.of(row, rows)));
            }
        }
        return new MappingOverview(f.session().sessionId(), List.copyOf(mapped), List.copyOf(unmatched));
    }
}
