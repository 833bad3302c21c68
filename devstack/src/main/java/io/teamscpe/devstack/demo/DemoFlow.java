package io.teamscpe.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.devstack.Stack;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.GraphEmulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;

/**
 * What the local run does once everything is up, before it prints {@code TEAMSCPE READY}: the product's main path
 * through the public API, against the demo scenario. Re-running it (a restart keeps the data) reuses what exists.
 */
public final class DemoFlow {
    public static final String FIRM = "demo-firm";
    public static final Duration PATIENCE = Duration.ofSeconds(90);

    /** What the demo produced, for the summary and for the end-to-end test. */
    public record Result(String providerId, String sessionId, JsonNode validation, JsonNode attendance,
                         JsonNode completion, JsonNode processing) {
    }

    /** The demo's ruleset: NASBA units (50-minute credits in fifths, at least one) from attendance alone. */
    public static final String RULESET_NAME = "Demo: NASBA units, attendance only";

    private DemoFlow() {
    }

    /** Runs the demo against a ready stack and returns its summary (several lines, no secrets). */
    public static String run(Stack.Endpoints endpoints, GraphEmulator emulator) {
        return Summary.of(execute(endpoints, emulator));
    }

    public static Result execute(Stack.Endpoints e, GraphEmulator emulator) {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        Api api = new Api(json, adminToken(emulator));
        String providerId = provider(api, e.credentialService());
        JsonNode validation = api.post(e.credentialService() + "/api/providers/" + providerId + "/validate",
                Map.of("organizerId", DemoScenario.ORGANIZER_ID)).expect(200).body();
        String rulesetId = DemoData.ruleset(api, e.sessionService());
        String sessionId = session(api, e.sessionService(), providerId, rulesetId);
        api.put(e.sessionService() + "/api/sessions/" + sessionId + "/enrollments", DemoData.roster()).expect(200);
        String attendanceUrl = e.attendanceService() + "/api/sessions/" + sessionId + "/attendance";
        await().until(() -> api.get(attendanceUrl).status() == 200);
        api.post(attendanceUrl + "/refresh", Map.of()).expect(202);
        JsonNode[] attendance = new JsonNode[1];
        await().until(() -> {
            attendance[0] = api.get(attendanceUrl).expect(200).body();
            String state = attendance[0].path("state").asText();
            if (state.equals("FAILED") || state.equals("REPORT_MISSING")) {
                throw new IllegalStateException("attendance " + state + ": " + attendance[0].path("detail").asText());
            }
            return state.equals("READY");
        });
        String snapshot = attendance[0].path("snapshotId").asText();
        String completionUrl = e.reportingService() + "/api/sessions/" + sessionId + "/completion";
        JsonNode[] completion = new JsonNode[1];
        await().until(() -> {
            Api.Reply reply = api.get(completionUrl);
            completion[0] = reply.body();
            return reply.status() == 200
                    && snapshot.equals(completion[0].path("freshness").path("attendanceSnapshotId").asText())
                    && completion[0].path("ruleset").asText().equals(RULESET_NAME)
                    && completion[0].path("freshness").path("enrolled").asInt() == DemoData.ROSTER_SIZE;
        });
        JsonNode processing = api.post(e.reportingService() + "/api/sessions/" + sessionId + "/process", Map.of())
                .expect(200).body();
        return new Result(providerId, sessionId, validation, attendance[0], completion[0], processing);
    }

    public static String adminToken(GraphEmulator emulator) {
        return emulator.mintIdpToken(FIRM, "demo-admin", "Demo Admin", "admin@demo.test", List.of("cpe-admin"));
    }

    private static String provider(Api api, String credentialService) {
        for (JsonNode p : api.get(credentialService + "/api/providers").expect(200).body()) {
            if (DemoScenario.CLIENT_ID.equals(p.path("clientId").asText())) {
                return p.path("id").asText();
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "APPLICATION");
        body.put("name", "Contoso CPE Teams app");
        body.put("tenantId", DemoScenario.TENANT_ID);
        body.put("clientId", DemoScenario.CLIENT_ID);
        body.put("clientSecret", DemoScenario.CLIENT_SECRET);
        body.put("secretExpiresOn", "2028-01-01");
        return api.post(credentialService + "/api/providers", body).expect(201).body().path("id").asText();
    }

    private static String session(Api api, String sessionService, String providerId, String rulesetId) {
        for (JsonNode s : api.get(sessionService + "/api/sessions?size=500").expect(200).body().path("items")) {
            if (DemoScenario.JOIN_URL.equals(s.path("joinUrl").asText()) && s.path("status").asText().equals(
                    "SCHEDULED")) {
                return s.path("id").asText();
            }
        }
        Map<String, Object> body = new TreeMap<>();
        body.put("title", DemoScenario.MEETING_SUBJECT);
        body.put("scheduledStart", DemoScenario.MEETING_START.toString());
        body.put("scheduledEnd", DemoScenario.MEETING_END.toString());
        body.put("timeZone", "America/New_York");
        body.put("maxCredits", 2);
        body.put("fieldsOfStudy", List.of("Ethics (Regulatory)"));
        body.put("providerId", providerId);
        body.put("organizerId", DemoScenario.ORGANIZER_ID);
        body.put("joinUrl", DemoScenario.JOIN_URL);
        body.put("rulesetId", rulesetId);
        return api.post(sessionService + "/api/sessions", body).expect(201).body().path("id").asText();
    }

    private static org.awaitility.core.ConditionFactory await() {
        return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).ignoreExceptionsMatching(
                ex -> !(ex instanceof IllegalStateException && ex.getMessage().startsWith("attendance ")));
    }
}
