package io.teamscpe.devstack.demo;

import io.teamscpe.devstack.demo.FormsExport.Response;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.Scenario;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The six polls the presenters ran during the demo meeting, as the Forms exports the admin uploads afterwards. The
 * attendees answer from the emulator's attendance report: only while present, most of them every time; presenters
 * run the polls and do not answer. Two guests answer anonymously and one respondent gives a name but no email.
 * The same files every run.
 */
public final class DemoPolls {
    /** Who answers poll 4 without an email: nobody in the meeting, so polling lists them for review. */
    public static final String UNKNOWN_RESPONDENT = "Sam Whitfield";
    private static final ZoneId ZONE = ZoneId.of(DemoData.TIME_ZONE);
    private static final long SEED = 20261005L;
    private static final int ANSWER_PERCENT = 95;
    private static final int CORRECT_PERCENT = 85;

    /** A poll: when it was launched (minutes after the start), its options, the right answer (first option). */
    private record Question(int minute, String text, boolean multiSelect, List<String> options) {
    }

    private static final List<Question> QUESTIONS = List.of(
            new Question(12, "Auditing your own firm's bookkeeping work creates which threat?", false,
                    List.of("Self-review threat", "Advocacy threat", "Familiarity threat", "Undue influence threat")),
            new Question(28, "May a member accept a contingent fee from an attest client?", false,
                    List.of("No", "Yes, if disclosed in the engagement letter", "Yes, below $5,000")),
            new Question(44, "Which safeguards reduce a long-association familiarity threat? (select all)", true,
                    List.of("Partner rotation", "Engagement quality review", "A higher fee", "A longer engagement")),
            new Question(60, "Is a $150 holiday gift from an attest client's CFO reasonable?", false,
                    List.of("It depends on the facts and circumstances", "Always", "Never")),
            new Question(76, "Client information may be disclosed without consent to:", false,
                    List.of("A state board's ethics investigation", "A prospective buyer of the practice",
                            "The client's bank")),
            new Question(92, "Where must a suspected Code violation be reported first?", false,
                    List.of("The firm's ethics partner", "Social media", "The client")));

    private DemoPolls() {
    }

    public static List<FormsExport> build() {
        Random random = new Random(SEED);
        List<Scenario.AttendanceRecord> records = DemoData.records();
        List<FormsExport> polls = new ArrayList<>();
        for (int q = 0; q < QUESTIONS.size(); q++) {
            Question question = QUESTIONS.get(q);
            Instant launched = DemoScenario.MEETING_START.plus(question.minute(), ChronoUnit.MINUTES);
            List<Response> responses = new ArrayList<>();
            for (Scenario.AttendanceRecord r : records) {
                Instant started = launched.plusSeconds(15 + random.nextInt(105));
                Instant completed = started.plusSeconds(10 + random.nextInt(60));
                if (answers(r) && present(r, launched, completed) && random.nextInt(100) < ANSWER_PERCENT) {
                    responses.add(new Response(r.emailAddress(), r.identity().displayName(), local(started),
                            local(completed), answer(question, random)));
                }
            }
            responses.addAll(strangers(q, question, launched, random));
            responses.sort(Comparator.comparing(Response::completed));
            polls.add(new FormsExport(String.format("%s - Poll %d(1-%d).xlsx", DemoScenario.MEETING_SUBJECT, q + 1,
                    responses.size()), question.text(), List.copyOf(responses)));
        }
        return List.copyOf(polls);
    }

    /** Guests on poll 2 answer anonymously; on poll 4 someone signed in without an email answers. */
    private static List<Response> strangers(int q, Question question, Instant launched, Random random) {
        List<Response> out = new ArrayList<>();
        if (q == 1) {
            for (int i = 0; i < 2; i++) {
                Instant started = launched.plusSeconds(30 + random.nextInt(60));
                out.add(Response.anonymous(local(started), local(started.plusSeconds(40)), answer(question, random)));
            }
        } else if (q == 3) {
            Instant started = launched.plusSeconds(45);
            out.add(new Response(null, UNKNOWN_RESPONDENT, local(started), local(started.plusSeconds(35)),
                    answer(question, random)));
        }
        return out;
    }

    /** Enrolled attendees answer; the organizer and the presenters run the polls. */
    private static boolean answers(Scenario.AttendanceRecord r) {
        return "Attendee".equals(r.role()) && r.emailAddress() != null && !r.emailAddress().isBlank();
    }

    private static boolean present(Scenario.AttendanceRecord r, Instant from, Instant to) {
        return r.intervals().stream().anyMatch(i -> i.joinDateTime() != null && i.leaveDateTime() != null
                && !i.joinDateTime().isAfter(from) && !i.leaveDateTime().isBefore(to));
    }

    private static String answer(Question q, Random random) {
        boolean right = random.nextInt(100) < CORRECT_PERCENT;
        if (q.multiSelect()) {
            return right ? q.options().get(0) + ";" + q.options().get(1) + ";"
                    : q.options().get(random.nextInt(q.options().size())) + ";";
        }
        return q.options().get(right ? 0 : random.nextInt(q.options().size()));
    }

    private static LocalDateTime local(Instant t) {
        return LocalDateTime.ofInstant(t.truncatedTo(ChronoUnit.SECONDS), ZONE);
    }
}
