package io.teamscpe.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.contracts.attendance.Participant;
import io.teamscpe.reporting.report.RememberedMappings.Remembered;
import io.teamscpe.reporting.report.SessionSnapshot.Attendee;
import io.teamscpe.reporting.report.SessionSnapshot.Enrolled;
import io.teamscpe.reporting.report.SessionSnapshot.Poll;
import io.teamscpe.reporting.report.SessionSnapshot.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Suggestions for an unmatched attendee, and which remembered mappings a session gets: pure, no database. */
class AttendanceMatchingTest {
    private static final Instant T = Instant.parse("2026-10-05T16:00:00Z");
    private static final Enrolled BOB = new Enrolled("bob", "bob@firm.test", List.of(), "Bob Baker");
    private static final Enrolled ROB = new Enrolled("rob", "rob@firm.test", List.of(), "Rob Barker");
    private static final Enrolled ANN = new Enrolled("ann", "ann@firm.test", List.of(), "Ann Archer");

    @Test
    void professionalsWithoutAttendanceAreRankedByNameAndByPollAnswersGivenWhileTheAttendeeWasThere() {
        // "R. Baker" is as much Rob Barker as Bob Baker by name; Bob's poll answers fall in the guest's presence
        Attendee guest = attendee(anonymous("anonymous:1", "R. Baker"), 0, 30);
        SessionSnapshot f = snapshot(List.of(guest, attendee(signedIn("oid-ann", "ann@firm.test", "Ann Archer"),
                0, 60)), List.of(BOB, ROB, ANN), List.of(
                new Response("p1", "bob@firm.test", "Bob Baker", false, "[\"A\"]", T.plusSeconds(10 * 60), null,
                        "bob"),
                new Response("p2", "bob@firm.test", "Bob Baker", false, "[\"A\"]", T.plusSeconds(31 * 60), null,
                        "bob"),
                new Response("p1", "rob@firm.test", "Rob Barker", false, "[\"A\"]", T.plusSeconds(50 * 60), null,
                        "rob")), List.of());
        List<Matching.Participant> rows = Matching.participants(f);
        Matching.Participant unmatched = rows.stream().filter(r -> r.id().equals("anonymous:1")).findFirst()
                .orElseThrow();

        List<MappingSuggestions.Suggestion> suggestions = MappingSuggestions.of(unmatched, rows);

        assertThat(suggestions).extracting(MappingSuggestions.Suggestion::lmsId).containsExactly("bob", "rob");
        assertThat(suggestions.get(0).pollTimeOverlap()).isEqualTo(1.0); // 31 min: within the 2-minute grace
        assertThat(suggestions.get(0).reason()).contains("present at 2 of this professional's 2 timed poll answers");
        assertThat(suggestions.get(1).pollTimeOverlap()).isEqualTo(0.0);
        assertThat(suggestions.get(0).score()).isGreaterThan(suggestions.get(1).score());
        // Ann attended: never suggested
    }

    @Test
    void aMappingTiesTheAttendeeToTheProfessionalWhoseRowThenCountsTheirTime() {
        Attendee guest = attendee(anonymous("anonymous:1", "Bob (iPhone)"), 0, 100);
        SessionSnapshot f = snapshot(List.of(guest), List.of(BOB), List.of(), List.of(new AttendanceMapping(
                "anonymous:1", "name:bob iphone", "bob", MappingMethod.MAPPED, "admin", T)));

        List<Matching.Participant> rows = Matching.participants(f);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).id()).isEqualTo("bob");
        assertThat(rows.get(0).matchMethod()).isEqualTo(AttendanceMatch.MAPPED);
        assertThat(rows.get(0).attendance()).isEqualTo(Presence.PRESENT);
        assertThat(rows.get(0).mappedAttendees()).extracting(MappedAttendee::participantKey)
                .containsExactly("anonymous:1");
    }

    @Test
    void theFirmsMemoryMapsAnUnmatchedAttendeeOnceAndNeverOverAnUndoAnotherTieOrAnAmbiguousName() {
        Remembered bob = new Remembered("bob", "admin", T, "earlier-session");
        Attendee home = attendee(signedIn("oid-home", "bob@home.test", "Bob at home"), 0, 100);
        SessionSnapshot f = snapshot(List.of(home), List.of(BOB), List.of(), List.of());
        Map<String, Remembered> memory = Map.of("oid:oid-home", bob);

        assertThat(RememberedMappings.toApply(f, Set.of(), memory, T)).singleElement().satisfies(m -> {
            assertThat(m.participantKey()).isEqualTo("oid-home");
            assertThat(m.lmsId()).isEqualTo("bob");
            assertThat(m.method()).isEqualTo(MappingMethod.REMEMBERED);
            assertThat(m.mappedBy()).isEqualTo("admin");
        });
        // undone (or mapped) in this session already
        assertThat(RememberedMappings.toApply(f, Set.of("oid-home"), memory, T)).isEmpty();
        // the professional attended with their own account
        SessionSnapshot attended = snapshot(List.of(home, attendee(signedIn("oid-bob", "bob@firm.test",
                "Bob Baker"), 0, 100)), List.of(BOB), List.of(), List.of());
        assertThat(RememberedMappings.toApply(attended, Set.of(), memory, T)).isEmpty();
        // not enrolled in this session
        assertThat(RememberedMappings.toApply(snapshot(List.of(home), List.of(ANN), List.of(), List.of()),
                Set.of(), memory, T)).isEmpty();
        // a name is an identity only while one unmatched attendee has it
        Map<String, Remembered> byName = Map.of("name:bob iphone", bob);
        Attendee first = attendee(anonymous("anonymous:1", "Bob (iPhone)"), 0, 50);
        Attendee second = attendee(anonymous("anonymous:2", "bob iphone"), 50, 100);
        assertThat(RememberedMappings.toApply(snapshot(List.of(first), List.of(BOB), List.of(), List.of()),
                Set.of(), byName, T)).hasSize(1);
        assertThat(RememberedMappings.toApply(snapshot(List.of(first, second), List.of(BOB), List.of(), List.of()),
                Set.of(), byName, T)).isEmpty();
    }

    @Test
    void theIdentityIsTheEntraIdElseTheEmailElseTheNormalizedDisplayName() {
        assertThat(ParticipantIdentity.of(signedIn("oid-1", "X@Mail.test", "X"))).isEqualTo("oid:oid-1");
        assertThat(ParticipantIdentity.of(new Participant("email:x@mail.test", null, "X@Mail.test ", "X",
                "Attendee", true, false, List.of()))).isEqualTo("email:x@mail.test");
        assertThat(ParticipantIdentity.of(anonymous("anonymous:9", "Baker, Bob"))).isEqualTo("name:baker bob");
        assertThat(ParticipantIdentity.of(anonymous("anonymous:9", null))).isNull();
    }

    private static SessionSnapshot snapshot(List<Attendee> attendees, List<Enrolled> roster, List<Response> responses,
                                            List<AttendanceMapping> mappings) {
        List<Poll> polls = responses.stream().map(Response::pollId).distinct().sorted()
                .map(id -> new Poll(id, "Q " + id, true, id + ".xlsx", "0")).toList();
        return new SessionSnapshot(null, null, attendees, roster, polls, responses, null, null, mappings);
    }

    private static Attendee attendee(Participant p, int from, int to) {
        return new Attendee(p, List.of(new Interval(T.plusSeconds(from * 60L), T.plusSeconds(to * 60L))));
    }

    private static Participant anonymous(String key, String name) {
        return new Participant(key, null, null, name, "Attendee", true, true, List.of("NO_EMAIL"));
    }

    private static Participant signedIn(String key, String email, String name) {
        return new Participant(key, key, email, name, "Attendee", false, false, List.of());
    }
}
