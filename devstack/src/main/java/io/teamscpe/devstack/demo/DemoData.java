package io.teamscpe.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo firm's data beyond Microsoft's: its rulesets, the session's credit types and roster, and the meeting's
 * attendance. The session counts for CPAs (NASBA GIB) and CFPs (CFP Board); every professional seeks CPA credit,
 * every third one CFP credit too; one professional joined as an unsigned-in guest and is mapped by the admin.
 */
public final class DemoData {
    /** Enrolled professionals who never join the demo meeting. */
    public static final int NO_SHOWS = 2;
    /** The enrolled professional who joined as a guest without signing in, and the name Teams showed. */
    public static final String GUEST_LMS_ID = "lms-9003";
    public static final String GUEST_NAME = "Jordan Ellis (Guest)";
    /**
     * Everyone the demo meeting's report knows by email (organizer included), the enrolled no-shows and the
     * professional who joined as a guest.
     */
    public static final int ROSTER_SIZE = emails().size() + NO_SHOWS + 1;
    /** The session's credit types: CPA credit under NASBA GIB (at most 2) and CFP credit (maximum derived). */
    public static final String CPA = "CPA";
    public static final String CFP = "CFP";
    /** The built-in ruleset of CFP Board credit: 50-minute credits in halves, no polls needed. */
    public static final String CFP_BOARD_PRESET = "cfp-board";
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
        return preset(api, sessionService, NASBA_GIB_PRESET);
    }

    /** The firm's ruleset made from the built-in preset {@code key}. */
    public static Ruleset preset(Api api, String sessionService, String key) {
        for (JsonNode r : api.getAll(sessionService + "/api/rulesets", "items").expect(200).body().path("items")) {
            if (key.equals(r.path("preset").asText())) {
                return new Ruleset(r.path("id").asText(), r.path("name").asText());
            }
        }
        throw new IllegalStateException("the firm has no ruleset from preset " + key);
    }

    /** Whether the demo professional with this email seeks CFP credit besides CPA credit. */
    public static boolean seeksCfp(String email) {
        int n = emails().indexOf(email);
        return n < 0 ? email.equals("jordan.ellis@contoso.com") : (n + 1) % 3 == 0;
    }

    static Map<String, Object> roster() {
        List<Map<String, Object>> enrollees = new ArrayList<>();
        int n = 0;
        for (String email : emails()) {
            enrollees.add(Map.of("lmsId", String.format("lms-%04d", ++n), "email", email,
                    "displayName", email.substring(0, email.indexOf('@')).replace('.', ' '),
                    "creditTypes", seeksCfp(email) ? List.of(CPA, CFP) : List.of(CPA)));
        }
        enrollees.add(Map.of("lmsId", "lms-9001", "email", "no.show.one@contoso.com", "displayName", "No Show One",
                "creditTypes", List.of(CPA)));
        enrollees.add(Map.of("lmsId", "lms-9002", "email", "no.show.two@contoso.com", "displayName", "No Show Two",
                "creditTypes", List.of(CPA)));
        enrollees.add(Map.of("lmsId", GUEST_LMS_ID, "email", "jordan.ellis@contoso.com", "displayName",
                "Jordan Ellis", "creditTypes", List.of(CPA, CFP)));
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
