package io.teamscpe.reporting.service;

import io.teamscpe.reporting.service.SessionFacts.Attendee;
import io.teamscpe.reporting.service.SessionFacts.Enrolled;
import io.teamscpe.reporting.service.SessionFacts.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Ties attendance and poll responses to enrolled professionals: by email or an alternate email, case-insensitive.
 * Poll responses also carry the match polling-service made (professional id, attendance participant).
 */
final class Matching {
    private final Map<String, Enrolled> byEmail = new HashMap<>();
    private final Map<String, List<Attendee>> attendeesOf = new HashMap<>();
    private final Set<String> matchedParticipants = new HashSet<>();

    Matching(List<Enrolled> roster, List<Attendee> attendees) {
        for (Enrolled e : roster) {
            put(e.email(), e);
            e.alternateEmails().forEach(a -> put(a, e));
        }
        for (Attendee a : attendees) {
            Enrolled e = a.participant().email() == null ? null : byEmail.get(lower(a.participant().email()));
            if (e != null) {
                attendeesOf.computeIfAbsent(e.lmsId(), k -> new ArrayList<>()).add(a);
                matchedParticipants.add(a.participant().participantKey());
            }
        }
    }

    List<Attendee> attendeesOf(Enrolled e) {
        return attendeesOf.getOrDefault(e.lmsId(), List.of());
    }

    boolean matched(Attendee a) {
        return matchedParticipants.contains(a.participant().participantKey());
    }

    /** Whether a poll response is this professional's. */
    boolean answeredBy(Response r, Enrolled e, List<Attendee> attendees) {
        if (r.anonymous()) {
            return false;
        }
        if (e.lmsId().equals(r.professionalId())) {
            return true;
        }
        if (r.email() != null && byEmail.get(lower(r.email())) == e) {
            return true;
        }
        return r.participantKey() != null
                && attendees.stream().anyMatch(a -> a.participant().participantKey().equals(r.participantKey()));
    }

    /** Whether a poll response is this (unenrolled) attendee's. */
    static boolean answeredBy(Response r, Attendee a) {
        if (r.anonymous()) {
            return false;
        }
        return a.participant().participantKey().equals(r.participantKey())
                || (r.email() != null && a.participant().email() != null
                && lower(r.email()).equals(lower(a.participant().email())));
    }

    private void put(String email, Enrolled e) {
        if (email != null && !email.isBlank()) {
            byEmail.putIfAbsent(lower(email), e);
        }
    }

    private static String lower(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
