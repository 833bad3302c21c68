package io.teamscpe.reporting.report;

import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.reporting.report.SessionSnapshot.Attendee;
import io.teamscpe.reporting.report.SessionSnapshot.Enrolled;
import io.teamscpe.reporting.report.SessionSnapshot.Poll;
import io.teamscpe.reporting.report.SessionSnapshot.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Ties attendance and poll responses to enrolled professionals: by email or an alternate email, case-insensitive;
 * then by an administrator's attendance mapping (a participant no email ties, mapped to a professional of the roster).
 * Poll responses also carry the match polling-service made (professional id, attendance participant), so a mapped
 * participant's answers count for the professional too. Anonymous responses are nobody's.
 */
public final class Matching {
    /**
     * One row of either report: an enrolled professional (no-shows included) or an attendee no enrollment claims.
     *
     * @param firstResponses  per poll of the snapshot, in its order: the earliest response, or null
     * @param matchMethod     how an enrolled professional's attendance was tied to them; null without any
     * @param mappedAttendees the attendees mapped to this professional (empty on every other row)
     * @param creditTypes     the credit types an enrolled professional seeks (null or empty: every one; always null
     *                        for rows no enrollment claims, which are shown for every type)
     */
    public record Participant(String id, String displayName, String email, MatchStatus matchStatus,
                              Presence attendance, List<Interval> intervals, List<Response> firstResponses,
                              AttendanceMatch matchMethod, List<MappedAttendee> mappedAttendees,
                              List<String> creditTypes) {
        /** Whether this row is shown (and, for a professional, credited) for the credit type {@code code}. */
        public boolean seeks(String code) {
            return creditTypes == null || creditTypes.isEmpty() || creditTypes.contains(code);
        }

        public Instant firstJoin() {
            return intervals.stream().map(Interval::joined).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
        }

        public Instant lastLeave() {
            return intervals.stream().map(Interval::left).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
        }
    }

    private final SessionSnapshot facts;
    private final Map<String, Enrolled> byEmail = new HashMap<>();
    private final Map<String, List<Attendee>> attendeesOf = new HashMap<>();
    private final Map<String, AttendanceMatch> methodOf = new HashMap<>();
    private final Map<String, List<MappedAttendee>> mappedTo = new HashMap<>();
    private final Set<String> matchedParticipants = new HashSet<>();
    private final Map<String, Integer> pollIndex = new HashMap<>();
    private final Map<String, List<Response>> responsesByProfessional = new HashMap<>();
    private final Map<String, List<Response>> responsesByEmail = new HashMap<>();
    private final Map<String, List<Response>> responsesByParticipant = new HashMap<>();

    private Matching(SessionSnapshot facts) {
        this.facts = facts;
        for (Enrolled e : facts.roster()) {
            put(e.email(), e);
            e.alternateEmails().forEach(a -> put(a, e));
        }
        Map<String, Enrolled> byLmsId = new HashMap<>();
        facts.roster().forEach(e -> byLmsId.putIfAbsent(e.lmsId(), e));
        Map<String, AttendanceMapping> mappings = new HashMap<>();
        facts.mappings().forEach(m -> mappings.put(m.participantKey(), m));
        for (Attendee a : facts.attendees()) {
            var p = a.participant();
            Enrolled e = p.email() == null ? null : byEmail.get(lower(p.email()));
            AttendanceMatch method = e == null ? null
                    : e.email() != null && lower(e.email()).equals(lower(p.email())) ? AttendanceMatch.EMAIL
                    : AttendanceMatch.ALTERNATE_EMAIL;
            AttendanceMapping m = mappings.get(p.participantKey());
            if (e == null && m != null && byLmsId.containsKey(m.lmsId())) {
                e = byLmsId.get(m.lmsId());
                method = AttendanceMatch.MAPPED;
                mappedTo.computeIfAbsent(e.lmsId(), k -> new ArrayList<>()).add(new MappedAttendee(
                        p.participantKey(), p.displayName(), p.email(), m.method(), m.mappedBy(), m.mappedAt()));
            }
            if (e != null) {
                attendeesOf.computeIfAbsent(e.lmsId(), k -> new ArrayList<>()).add(a);
                methodOf.merge(e.lmsId(), method, Matching::stronger);
                matchedParticipants.add(p.participantKey());
            }
        }
        List<Poll> polls = facts.polls();
        for (int i = 0; i < polls.size(); i++) {
            pollIndex.put(polls.get(i).pollId(), i);
        }
        for (Response r : facts.responses()) {
            if (r.anonymous() || !pollIndex.containsKey(r.pollId())) {
                continue;
            }
            index(responsesByProfessional, r.professionalId(), r);
            index(responsesByEmail, r.email() == null ? null : lower(r.email()), r);
            index(responsesByParticipant, r.participantKey(), r);
        }
    }

    /** Everyone either report lists: the roster in its order, then unmatched attendees in theirs. */
    public static List<Participant> participants(SessionSnapshot facts) {
        return new Matching(facts).participants();
    }

    private List<Participant> participants() {
        List<Participant> out = new ArrayList<>(facts.roster().size() + facts.attendees().size());
        for (Enrolled e : facts.roster()) {
            List<Attendee> theirs = attendeesOf.getOrDefault(e.lmsId(), List.of());
            List<Interval> intervals = new ArrayList<>();
            Response[] first = new Response[facts.polls().size()];
            earliest(first, responsesByProfessional.get(e.lmsId()));
            for (String email : emailsOf(e)) {
                earliest(first, responsesByEmail.get(email));
            }
            for (Attendee a : theirs) {
                intervals.addAll(a.intervals());
                earliest(first, responsesByParticipant.get(a.participant().participantKey()));
            }
            out.add(new Participant(e.lmsId(), e.displayName(), e.email(), MatchStatus.ENROLLED,
                    Presence.of(!theirs.isEmpty(), intervals), intervals, Arrays.asList(first),
                    methodOf.get(e.lmsId()), List.copyOf(mappedTo.getOrDefault(e.lmsId(), List.of())),
                    e.creditTypes()));
        }
        for (Attendee a : facts.attendees()) {
            var p = a.participant();
            if (matchedParticipants.contains(p.participantKey())) {
                continue;
            }
            Response[] first = new Response[facts.polls().size()];
            earliest(first, responsesByParticipant.get(p.participantKey()));
            if (p.email() != null) {
                earliest(first, responsesByEmail.get(lower(p.email())));
            }
            MatchStatus status = p.anonymous() ? MatchStatus.ANONYMOUS
                    : p.guest() ? MatchStatus.GUEST : MatchStatus.UNMATCHED_ATTENDEE;
            out.add(new Participant(p.participantKey(), p.displayName(), p.email(), status,
                    Presence.of(true, a.intervals()), a.intervals(), Arrays.asList(first), null, List.of(), null));
        }
        return out;
    }

    /** MAPPED over ALTERNATE_EMAIL over EMAIL (declaration order): a row names its least direct tie. */
    private static AttendanceMatch stronger(AttendanceMatch a, AttendanceMatch b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The emails whose responses are this professional's: theirs, unless another enrollee claimed it first. */
    private Set<String> emailsOf(Enrolled e) {
        Set<String> emails = new HashSet<>();
        List<String> all = new ArrayList<>(e.alternateEmails());
        all.add(e.email());
        for (String email : all) {
            if (email != null && byEmail.get(lower(email)) == e) {
                emails.add(lower(email));
            }
        }
        return emails;
    }

    /** Keeps, per poll, the earliest response (by completion time, unknown times last; ties: the first seen). */
    private void earliest(Response[] first, List<Response> responses) {
        if (responses == null) {
            return;
        }
        for (Response r : responses) {
            int i = pollIndex.get(r.pollId());
            Response held = first[i];
            if (held == null || (r.completedAt() != null
                    && (held.completedAt() == null || r.completedAt().isBefore(held.completedAt())))) {
                first[i] = r;
            }
        }
    }

    private static void index(Map<String, List<Response>> index, String key, Response r) {
        if (key != null) {
            index.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
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
