package io.teamscpe.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The demo firm's data beyond Microsoft's: its ruleset and the session's roster. */
public final class DemoData {
    /** Everyone the demo meeting's report knows by email (organizer included), plus two enrolled no-shows. */
    public static final int ROSTER_SIZE = emails().size() + 2;

    private DemoData() {
    }

    static String ruleset(Api api, String sessionService) {
        for (JsonNode r : api.get(sessionService + "/api/rulesets").expect(200).body().path("items")) {
            if (DemoFlow.RULESET_NAME.equals(r.path("name").asText())) {
                return r.path("id").asText();
            }
        }
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("credit", Map.of("minutesPerCredit", 50, "minimumCredit", 1, "increment", 0.2));
        rules.put("attendance", Map.of("counting", "UNION", "clipTo", "SCHEDULED", "graceMinutes", 0));
        rules.put("engagement", Map.of("mode", "NONE", "onlyWhilePresent", false));
        rules.put("tiers", List.of());
        rules.put("allowedSteps", List.of());
        rules.put("withoutPolls", "ATTENDANCE_ONLY");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", DemoFlow.RULESET_NAME);
        body.put("description", "For the demo before polls are uploaded; NASBA requires polls for group "
                + "internet-based credit.");
        body.put("rules", rules);
        return api.post(sessionService + "/api/rulesets", body).expect(201, 200).body().path("id").asText();
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
        for (Scenario.Meeting m : DemoScenario.build().tenants().get(0).meetings()) {
            if (m.id().equals(DemoScenario.MEETING_ID)) {
                for (Scenario.AttendanceRecord r : m.attendanceReports().get(0).records()) {
                    if (r.emailAddress() != null && !r.emailAddress().isBlank()) {
                        emails.add(r.emailAddress().trim().toLowerCase());
                    }
                }
            }
        }
        return List.copyOf(emails);
    }
}
