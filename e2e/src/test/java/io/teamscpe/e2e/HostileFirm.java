package io.teamscpe.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.devstack.Stack;
import io.teamscpe.devstack.demo.Api;
import io.teamscpe.devstack.demo.DemoData;
import io.teamscpe.devstack.demo.DemoFlow;
import io.teamscpe.devstack.demo.DemoPolls;
import io.teamscpe.devstack.demo.FormsExport;
import io.teamscpe.devstack.demo.SessionSteps;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.GraphEmulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * The firm the hostile-input walker works in, so nothing it sends touches another test's firm: an application
 * credential, a ruleset of its own, a session of the demo meeting with three enrolled professionals, its attendance
 * and one poll — real ids for the walker's path parameters, and a proper body for each operation that takes one.
 */
final class HostileFirm {
    static final String FIRM = "hostile-input-firm";
    /** Every role there is, none of which opens {@code /internal} to a firm user. */
    static final List<String> EVERY_ROLE = List.of("cpe-admin", "professional", "cpe-service", "cpe-operator");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final String LMS_ID = "hostile-1";
    private static final String RULESET = "Walker's own ruleset";

    private final GraphEmulator emulator;
    private final Stack.Endpoints endpoints;
    private final String providerId;
    private final String rulesetId;
    private final String sessionId;
    private final String pollId;
    private final Map<String, JsonNode> bodies = new LinkedHashMap<>();

    private HostileFirm(Stack stack, String providerId, String rulesetId, String sessionId, String pollId,
                        Map<String, Object> session, Map<String, Object> roster, JsonNode rules) {
        this.emulator = stack.emulator();
        this.endpoints = stack.endpoints();
        this.providerId = providerId;
        this.rulesetId = rulesetId;
        this.sessionId = sessionId;
        this.pollId = pollId;
        body("POST /api/providers", Map.of("type", "DELEGATED", "name", "Hostile walk delegated app",
                "tenantId", DemoScenario.TENANT_ID, "clientId", DemoScenario.CLIENT_ID,
                "clientSecret", DemoScenario.CLIENT_SECRET, "secretExpiresOn", "2028-01-01"));
        body("PUT /api/providers/{id}", Map.of("name", "Contoso CPE Teams app", "secretExpiresOn", "2028-01-01"));
        body("POST /api/providers/{id}/validate", Map.of("organizerId", DemoScenario.ORGANIZER_ID));
        body("POST /api/rulesets", Map.of("name", "Hostile walk ruleset", "description", "made by the walker",
                "rules", rules, "makeDefault", false));
        body("PUT /api/rulesets/{id}", Map.of("name", RULESET, "description", "edited by the walker",
                "rules", rules, "makeDefault", false));
        body("POST /api/sessions", session);
        body("PUT /api/sessions/{id}", session);
        body("PUT /api/sessions/{id}/enrollments", roster);
        body("POST /api/sessions/{id}/enrollments", Map.of("lmsId", "hostile-4", "email",
                DemoData.emails().get(8), "displayName", "Fourth Professional",
                "alternateEmails", List.of("fourth@contoso.com")));
        body("POST /api/sessions/{id}/polls/respondents/mappings", Map.of("email", DemoData.emails().get(9),
                "name", "Someone Else", "professionalId", LMS_ID));
        body("PATCH /api/sessions/{id}/polls/{pollId}", Map.of("included", false, "reason", "hostile walk"));
        body("PUT /api/sessions/{id}/completion/{participantId}", Map.of("credit", 1, "reason",
                "hostile walk override"));
        body("POST /internal/tokens", Map.of("firmId", FIRM, "providerId", providerId));
    }

    /** Registers the firm's credential, ruleset and session and waits until its Completion report is there. */
    static HostileFirm prepare(Stack stack) {
        Stack.Endpoints e = stack.endpoints();
        Api api = new Api(JSON, admin(stack.emulator()));
        String providerId = DemoFlow.provider(api, e.credentialService());
        api.post(e.credentialService() + "/api/providers/" + providerId + "/validate",
                Map.of("organizerId", DemoScenario.ORGANIZER_ID)).expect(200);
        DemoData.Ruleset preset = DemoData.nasbaGib(api, e.sessionService());
        JsonNode rules = api.get(e.sessionService() + "/api/rulesets/" + preset.id()).expect(200).body()
                .path("rules");
        String rulesetId = api.post(e.sessionService() + "/api/rulesets", Map.of("name", RULESET,
                "rules", rules)).expect(201).body().path("id").asText();
        Map<String, Object> session = DemoFlow.sessionBody("Hostile input walk", DemoScenario.MEETING_START,
                DemoScenario.MEETING_END, DemoScenario.JOIN_URL, providerId, preset.id());
        String sessionId = api.post(e.sessionService() + "/api/sessions", session).expect(201).body().path("id")
                .asText();
        List<String> emails = DemoData.emails();
        Map<String, Object> roster = Map.of("enrollees", List.of(
                Map.of("lmsId", LMS_ID, "email", emails.get(5), "displayName", "First Professional"),
                Map.of("lmsId", "hostile-2", "email", emails.get(6), "displayName", "Second Professional"),
                Map.of("lmsId", "hostile-3", "email", emails.get(7), "displayName", "Third Professional")));
        FormsExport poll = DemoPolls.build().get(0);
        SessionSteps steps = new SessionSteps(api, e, sessionId);
        JsonNode polls = steps.prepare(roster, List.of(poll), preset.name()).polls();
        String pollId = polls.path("polls").path(0).path("id").asText();
        return new HostileFirm(stack, providerId, rulesetId, sessionId, pollId, session, roster, rules);
    }

    private static String admin(GraphEmulator emulator) {
        return emulator.mintIdpToken(FIRM, "walker-admin", "Walker Admin", "admin@" + FIRM + ".test",
                List.of("cpe-admin"));
    }

    /**
     * Waits while the session's attendance is being fetched from Graph (after a walked "Refresh data"): an upload
     * meanwhile is refused with 409 for that reason alone, before its content is read.
     */
    void settle() {
        Api api = new Api(JSON, adminToken());
        String url = endpoints.attendanceService() + "/api/sessions/" + sessionId + "/attendance";
        Awaitility.await("attendance of the walker's session settled").atMost(SessionSteps.PATIENCE)
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    Api.Reply reply = api.get(url);
                    return reply.status() != 200 || !reply.body().path("state").asText().equals("FETCHING");
                });
    }

    /** A fresh admin token of the firm. */
    String adminToken() {
        return admin(emulator);
    }

    /** A token of a firm user who claims every role there is. */
    String everyRoleToken() {
        return emulator.mintIdpToken(FIRM, "mallory-" + FIRM, "Mallory", "mallory@" + FIRM + ".test", EVERY_ROLE);
    }

    /** The firm's own id for path parameter {@code name} of {@code path}. */
    String realId(String path, String name) {
        return switch (name) {
            case "id" -> path.startsWith("/api/providers") ? providerId
                    : path.startsWith("/api/rulesets") ? rulesetId : sessionId;
            case "pollId" -> pollId;
            case "participantId", "lmsId" -> LMS_ID;
            default -> "hostile-walk";
        };
    }

    /** A body the operation accepts (or refuses for its state, not its shape), if the walker knows one. */
    JsonNode properBody(String operation) {
        return bodies.get(operation);
    }

    private void body(String operation, Object body) {
        bodies.put(operation, JSON.valueToTree(body));
    }
}
