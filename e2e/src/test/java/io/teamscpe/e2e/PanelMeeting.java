package io.teamscpe.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.devstack.Stack;
import io.teamscpe.devstack.demo.Api;
import io.teamscpe.devstack.demo.DemoData;
import io.teamscpe.devstack.demo.DemoFlow;
import io.teamscpe.devstack.demo.FormsExport;
import io.teamscpe.devstack.demo.SessionSteps;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.Scenario;
import io.teamscpe.emulator.Scenario.AttendanceRecord;
import io.teamscpe.emulator.Scenario.Identity;
import io.teamscpe.emulator.Scenario.Interval;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A small 100-minute meeting of the demo organizer that one test class owns (one session per meeting), so what it
 * changes — overrides, excluded polls, processing runs — never touches the demo session the other tests share.
 * Five professionals whose NASBA GIB credit is worked out by hand below; six polls, the last at minute 84.
 */
final class PanelMeeting {
    static final PanelMeeting REVIEW = new PanelMeeting("Panel: Independence Q&A", "2026-10-13T14:00:00Z");
    static final PanelMeeting OVERRIDES = new PanelMeeting("Panel: Audit Quality Roundtable", "2026-10-14T14:00:00Z");
    static final PanelMeeting CORRECTIONS = new PanelMeeting("Panel: Revenue Recognition Refresher",
            "2026-10-15T14:00:00Z");
    private static final List<Integer> POLL_MINUTES = List.of(8, 22, 38, 52, 68, 84);

    /** A professional: intervals as minutes after the start, the polls (1–6) they answer. */
    record Person(String lmsId, String name, String email, List<int[]> spans, Set<Integer> answers) {
    }

    /** There throughout, answers every poll: 100 min, 6 of 6 → 2 credits. */
    static final Person AVERY = new Person("panel-1", "Avery Stone", "avery.stone@contoso.com",
            List.of(span(-3, 100)), Set.of(1, 2, 3, 4, 5, 6));
    /** Laptop 5–90 and phone 30–70: 85 min present (the sum would be 125), 6 of 6 → 1.6 credits. */
    static final Person BLAKE = new Person("panel-2", "Blake Okafor", "blake.okafor@contoso.com",
            List.of(span(5, 90), span(30, 70)), Set.of(1, 2, 3, 4, 5, 6));
    /** There throughout, skips poll 3: 5 ÷ 3 supports 1.6 credits. */
    static final Person CASEY = new Person("panel-3", "Casey Lindqvist", "casey.lindqvist@contoso.com",
            List.of(span(0, 100)), Set.of(1, 2, 4, 5, 6));
    /** There throughout, answers polls 1, 3 and 5: 1 credit. */
    static final Person DEVON = new Person("panel-4", "Devon Hart", "devon.hart@contoso.com",
            List.of(span(-1, 100)), Set.of(1, 3, 5));
    /** Enrolled, never joined. */
    static final Person EMERY = new Person("panel-5", "Emery Shaw", "emery.shaw@contoso.com", List.of(), Set.of());
    static final List<Person> ROSTER = List.of(AVERY, BLAKE, CASEY, DEVON, EMERY);

    /** A prepared session of a panel meeting. */
    record Session(SessionSteps steps, SessionSteps.Prepared prepared) {
    }

    private final String title;
    private final Instant start;
    private final String threadId;

    private PanelMeeting(String title, String start) {
        this.title = title;
        this.start = Instant.parse(start);
        this.threadId = "19:meeting_" + Base64.getEncoder().withoutPadding().encodeToString(
                UUID.nameUUIDFromBytes(title.getBytes(StandardCharsets.UTF_8)).toString()
                        .getBytes(StandardCharsets.UTF_8)) + "@thread.v2";
    }

    /** The demo scenario with the panel meetings added to its tenant, for the emulator. */
    static Scenario scenario() {
        Scenario demo = DemoScenario.build();
        Scenario.Tenant contoso = demo.tenants().get(0);
        List<Scenario.Meeting> meetings = new ArrayList<>(contoso.meetings());
        for (PanelMeeting panel : List.of(REVIEW, OVERRIDES, CORRECTIONS)) {
            meetings.add(panel.meeting());
        }
        List<Scenario.Tenant> tenants = new ArrayList<>(demo.tenants());
        tenants.set(0, new Scenario.Tenant(contoso.id(), contoso.displayName(), contoso.apps(), contoso.users(),
                meetings));
        return new Scenario(tenants, demo.graphPageSize(), demo.tokenLifetimeSeconds());
    }

    /** Creates the session (NASBA GIB) and brings it to a Completion report that reflects roster, attendance, polls. */
    Session prepare(Stack stack) {
        Stack.Endpoints e = stack.endpoints();
        Api api = new Api(new ObjectMapper().findAndRegisterModules(), DemoFlow.adminToken(stack.emulator()));
        String providerId = DemoFlow.provider(api, e.credentialService());
        DemoData.Ruleset ruleset = DemoData.nasbaGib(api, e.sessionService());
        String sessionId = api.post(e.sessionService() + "/api/sessions", DemoFlow.sessionBody(title, start, end(),
                DemoScenario.joinUrl(threadId), providerId, ruleset.id())).expect(201).body().path("id").asText();
        SessionSteps steps = new SessionSteps(api, e, sessionId);
        return new Session(steps, steps.prepare(roster(), polls(), ruleset.name()));
    }

    private Instant end() {
        return start.plus(100, ChronoUnit.MINUTES);
    }

    private Scenario.Meeting meeting() {
        List<AttendanceRecord> records = new ArrayList<>();
        records.add(new AttendanceRecord(DemoScenario.ORGANIZER_UPN, "Organizer", new Identity(
                DemoScenario.ORGANIZER_ID, DemoScenario.ORGANIZER_NAME, null), List.of(interval(span(-5, 101)))));
        for (Person p : ROSTER) {
            if (!p.spans().isEmpty()) {
                records.add(new AttendanceRecord(p.email(), "Attendee", new Identity(UUID.nameUUIDFromBytes(
                        p.email().getBytes(StandardCharsets.UTF_8)).toString(), p.name(), null),
                        p.spans().stream().map(this::interval).toList()));
            }
        }
        String reportId = UUID.nameUUIDFromBytes(("report/" + title).getBytes(StandardCharsets.UTF_8)).toString();
        return new Scenario.Meeting(DemoScenario.meetingId(threadId), DemoScenario.ORGANIZER_ID,
                DemoScenario.joinUrl(threadId), title, start, end(), start.minus(7, ChronoUnit.DAYS), false, threadId,
                List.of(new Scenario.AttendanceReport(reportId, start.plusSeconds(2), end().plusSeconds(75), records)));
    }

    private Map<String, Object> roster() {
        return Map.of("enrollees", ROSTER.stream().map(p -> Map.of("lmsId", p.lmsId(), "email", p.email(),
                "displayName", p.name())).toList());
    }

    /** Poll n launched at its minute; each respondent answers within the next two minutes. */
    private List<FormsExport> polls() {
        ZoneId zone = ZoneId.of(DemoData.TIME_ZONE);
        List<FormsExport> polls = new ArrayList<>();
        for (int n = 1; n <= POLL_MINUTES.size(); n++) {
            Instant launched = start.plus(POLL_MINUTES.get(n - 1), ChronoUnit.MINUTES);
            List<FormsExport.Response> responses = new ArrayList<>();
            for (Person p : ROSTER) {
                if (p.answers().contains(n)) {
                    Instant started = launched.plusSeconds(30 + 9L * responses.size());
                    responses.add(new FormsExport.Response(p.email(), p.name(), LocalDateTime.ofInstant(started, zone),
                            LocalDateTime.ofInstant(started.plusSeconds(25), zone), "Yes"));
                }
            }
            polls.add(new FormsExport(title + " - Poll " + n + "(1-" + responses.size() + ").xlsx",
                    "Check-in " + n + ": is the example clear?", responses));
        }
        return polls;
    }

    private Interval interval(int[] minutes) {
        return new Interval(start.plus(minutes[0], ChronoUnit.MINUTES), start.plus(minutes[1], ChronoUnit.MINUTES));
    }

    private static int[] span(int from, int to) {
        return new int[] {from, to};
    }
}
