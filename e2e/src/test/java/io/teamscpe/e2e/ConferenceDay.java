package io.teamscpe.e2e;

import io.teamscpe.devstack.demo.DemoData;
import io.teamscpe.devstack.demo.FormsExport;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.Scenario;
import io.teamscpe.emulator.Scenario.AttendanceRecord;
import io.teamscpe.emulator.Scenario.Identity;
import io.teamscpe.emulator.Scenario.Interval;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A conference day: {@code sessions} 100-minute sessions of the demo organizer in ten rooms (six time slots), each
 * with {@code attendees} enrolled professionals who all join (the same people stay in their room all day) and six
 * polls, the last at minute 84. Generated from fixed seeds, so every run has the same attendance, the same poll
 * files and the same expected credit. Intervals are whole minutes: most stay throughout; some leave early, re-join
 * after a break, or join on two devices at once (present time is their union).
 */
final class ConferenceDay {
    static final int LENGTH_MINUTES = 100;
    static final List<Integer> POLL_MINUTES = List.of(8, 22, 38, 52, 68, 84);
    private static final Instant DAY = Instant.parse("2026-11-16T12:00:00Z");
    private static final int ROOMS = 10;
    private static final String[] FIRST = {"Ava", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines",
        "Jonah", "Kemi", "Luca", "Maya", "Nils", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara"};
    private static final String[] LAST = {"Abbott", "Bauer", "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia",
        "Haddad", "Ito", "Jensen", "Kowalski", "Lopez", "Moreau", "Nakamura", "Okafor"};

    /** An enrolled professional's part in one session: intervals in minutes after the start, polls (1–6) answered. */
    record Attendee(String lmsId, String name, String email, List<int[]> spans, Set<Integer> answers) {
    }

    /** What the Completion report must say of an attendee: minutes present, polls answered, credit. */
    record Expected(long minutes, int polls, BigDecimal credit) {
    }

    /** One session of the day. */
    record Session(int index, String title, Instant start, String threadId, List<Attendee> attendees) {
        Instant end() {
            return start.plus(LENGTH_MINUTES, ChronoUnit.MINUTES);
        }

        String joinUrl() {
            return DemoScenario.joinUrl(threadId);
        }

        /** The Teams meeting with its one attendance report (organizer first), for the emulator. */
        Scenario.Meeting meeting() {
            List<AttendanceRecord> records = new ArrayList<>();
            records.add(new AttendanceRecord(DemoScenario.ORGANIZER_UPN, "Organizer", new Identity(
                    DemoScenario.ORGANIZER_ID, DemoScenario.ORGANIZER_NAME, null),
                    List.of(new Interval(start.minus(5, ChronoUnit.MINUTES), end().plus(1, ChronoUnit.MINUTES)))));
            for (Attendee a : attendees) {
                records.add(new AttendanceRecord(a.email(), "Attendee", new Identity(UUID.nameUUIDFromBytes(
                        a.email().getBytes(StandardCharsets.UTF_8)).toString(), a.name(), null),
                        a.spans().stream().map(s -> new Interval(at(s[0]), at(s[1]))).toList()));
            }
            String reportId = UUID.nameUUIDFromBytes(("conference-report/" + title).getBytes(StandardCharsets.UTF_8))
                    .toString();
            return new Scenario.Meeting(DemoScenario.meetingId(threadId), DemoScenario.ORGANIZER_ID, joinUrl(), title,
                    start, end(), start.minus(14, ChronoUnit.DAYS), false, threadId, List.of(
                    new Scenario.AttendanceReport(reportId, start.plusSeconds(2), end().plusSeconds(75), records)));
        }

        /** The enrollment body: every attendee. */
        Map<String, Object> roster() {
            return Map.of("enrollees", attendees.stream().map(a -> Map.of("lmsId", a.lmsId(), "email", a.email(),
                    "displayName", a.name())).toList());
        }

        /** The six polls as Forms exports: each respondent answers within the two minutes after the launch. */
        List<FormsExport> polls() {
            ZoneId zone = ZoneId.of(DemoData.TIME_ZONE);
            List<FormsExport> polls = new ArrayList<>();
            for (int n = 1; n <= POLL_MINUTES.size(); n++) {
                Instant launched = at(POLL_MINUTES.get(n - 1));
                List<FormsExport.Response> responses = new ArrayList<>();
                for (Attendee a : attendees) {
                    if (a.answers().contains(n)) {
                        Instant started = launched.plusSeconds(20 + responses.size() % 60);
                        responses.add(new FormsExport.Response(a.email(), a.name(), LocalDateTime.ofInstant(started,
                                zone), LocalDateTime.ofInstant(started.plusSeconds(25), zone), n % 2 == 0 ? "Yes"
                                : "No"));
                    }
                }
                polls.add(new FormsExport(title + " - Poll " + n + "(1-" + responses.size() + ").xlsx",
                        "Check-in " + n + ": is the example clear?", responses));
            }
            return polls;
        }

        /** lmsId → what the report must show, by the rules {@link ExpectedCredit} states (NASBA GIB, 2 credits). */
        Map<String, Expected> expected() {
            Map<String, Expected> expected = new LinkedHashMap<>();
            for (Attendee a : attendees) {
                List<Instant[]> spans = a.spans().stream().map(s -> new Instant[] {at(s[0]), at(s[1])}).toList();
                long seconds = ExpectedCredit.seconds(spans, start, end());
                expected.put(a.lmsId(), new Expected(seconds / 60, a.answers().size(),
                        ExpectedCredit.credit(seconds, a.answers().size())));
            }
            return expected;
        }

        private Instant at(int minute) {
            return start.plus(minute, ChronoUnit.MINUTES);
        }
    }

    private ConferenceDay() {
    }

    static List<Session> build(int sessions, int attendees) {
        List<Session> day = new ArrayList<>(sessions);
        for (int i = 0; i < sessions; i++) {
            int room = i % ROOMS;
            int slot = i / ROOMS;
            String title = String.format("Conference day, room %d, slot %d", room + 1, slot + 1);
            String thread = "19:meeting_" + Base64.getEncoder().withoutPadding().encodeToString(UUID.nameUUIDFromBytes(
                    ("conference-day/" + i).getBytes(StandardCharsets.UTF_8)).toString()
                    .getBytes(StandardCharsets.UTF_8)) + "@thread.v2";
            Instant start = DAY.plus(slot * 2L, ChronoUnit.HOURS);
            List<Attendee> people = new ArrayList<>(attendees);
            for (int k = 0; k < attendees; k++) {
                people.add(attendee(room * attendees + k, new SplittableRandom(1_000_003L * i + k)));
            }
            day.add(new Session(i, title, start, thread, people));
        }
        return day;
    }

    private static Attendee attendee(int person, SplittableRandom random) {
        String first = FIRST[person % FIRST.length];
        String last = LAST[(person / FIRST.length) % LAST.length];
        String email = String.format("%s.%s.%04d@contoso.com", first, last, person).toLowerCase();
        int kind = random.nextInt(100);
        List<int[]> spans = new ArrayList<>();
        int join = -5 + random.nextInt(9);
        if (kind < 70) {
            spans.add(new int[] {join, 96 + random.nextInt(10)});
        } else if (kind < 85) {
            spans.add(new int[] {join, 35 + random.nextInt(60)});
        } else if (kind < 95) {
            int leave = 20 + random.nextInt(40);
            spans.add(new int[] {join, leave});
            spans.add(new int[] {leave + 2 + random.nextInt(15), 95 + random.nextInt(10)});
        } else {
            spans.add(new int[] {join, 90 + random.nextInt(15)});
            int second = 10 + random.nextInt(40);
            spans.add(new int[] {second, second + 10 + random.nextInt(40)});
        }
        Set<Integer> answers = new TreeSet<>();
        for (int n = 1; n <= POLL_MINUTES.size(); n++) {
            int minute = POLL_MINUTES.get(n - 1);
            boolean present = spans.stream().anyMatch(s -> s[0] <= minute && s[1] >= minute + 2);
            if (present && random.nextInt(100) < 90) {
                answers.add(n);
            }
        }
        return new Attendee(String.format("cd-%04d", person), first + " " + last + " " + person, email, spans,
                answers);
    }
}
