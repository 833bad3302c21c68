package io.teamscpe.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The demo firm's data beyond Microsoft's: its ruleset, the session's roster and the meeting's attendance. */
public final class DemoData {
    /** Enrolled professionals who never join the demo meeting. */
    public static final int NO_SHOWS = 2;
    /** Everyone the demo meeting's report knows by email (organizer included), plus the enrolled no-shows. */
    public static final int ROSTER_SIZE = emails().size() + NO_SHOWS;
    /** The session's time zone: where the admin who exports the polls sits. */
    public static final String TIME_ZONE = "America/New_York";
    /** The built-in ruleset the demo session uses: NASBA group internet-based, 3 answered polls per credit. */
    public static final String NASBA_GIB_PRESET = "nasba-gib";

    /** A ruleset of the firm, as session-service lists it. */
    public record Ruleset(String id, String name) {
    }

    private DemoData() {
    }

    /** The firm's NASBA GIB ruleset: the preset every firm has, whatever the firm renamed it to. */
    public static Ruleset nasbaGib(Api api, String sessionService) {
        for (JsonNode r : api.getAll(sessionService + "/api/rulesets", "items").expect(200).body().path("items")) {
            if (NASBA_GIB_PRESET.equals(r.path("preset").asText())) {
                return new Ruleset(r.path("id").asText(), r.path("name").asText());
            }
        }
        throw new IllegalStateException("the firm has no ruleset from preset " + NASBA_GIB_PRESET);
    }

    static Map<String, Object> roster() {
        List<Map<String, Object>> enrollees = new ArrayList<>();
        int n = 0;
        for (String email : emails()) {
            enrollees.add(Map.of("lmsId", String.format("lms-%04d", ++n), "email", email,
                    "displayName", email.substring(0, email.indexOf('@')).replace('.', ' ')));
        }
        enrollees.add(Map.of("lmsId", "lms-9001", "email", "no.show.one@contoso.com", "displayName", "No Show One"));
        enrollees.add(Map.of("lmsId", "lms-9002", "email", "no.show.two@contoso.com", "displayName", "No Show Two"));
        return Map.of("enrollees", enrollees);
    }

    /** Distinct lower-cased emails of the demo meeting's attendance records, in report order. */
    public static List<String> emails() {
        Set<String> emails = new LinkedHashSet<>();
        for (Scenario.AttendanceRecord r : records()) {
            if (r.emailAddress() != null && !r.emailAddress().isBlank()) {
                emails.add(r.emailAddress().trim().toLowerCase());
            }
        }
        return List.copyOf(emails);
    }

    /** The demo meeting's attendance records, as the emulator serves them. */
    public static List<Scenario.AttendanceRecord> records() {
        return DemoScenario.build().tenants().get(0).meetings().stream()
                .filter(m -> m.id().equals(DemoScenario.MEETING_ID)).findFirst().orElseThrow()
                .attendanceReports().get(0).records();
    }
}
