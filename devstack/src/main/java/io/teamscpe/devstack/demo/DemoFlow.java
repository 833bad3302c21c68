package io.teamscpe.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.devstack.Stack;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.GraphEmulator;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the local run does once everything is up, before it prints {@code TEAMSCPE READY}: the product's main path
 * through the public API, against the demo scenario — credential, session, attendance, uploaded polls, the
 * Completion report with its reasons, a guest mapped to the professional it is, "process CPE" and the events on
 * cpe.credits.v1. The session awards two credit types, CPA (NASBA GIB) and CFP (CFP Board): see {@link DemoData}.
 * Re-running it (a restart keeps the data) reuses what exists.
 */
public final class DemoFlow {
    public static final String FIRM = "demo-firm";

    /** What the demo produced, for the summary and for the end-to-end tests. */
    public record Result(String providerId, String sessionId, JsonNode validation, JsonNode attendance,
                         JsonNode polls, JsonNode completion, JsonNode processing, List<CreditEvent> published) {
    }

    private DemoFlow() {
    }

    /** Runs the demo against a ready stack and returns its summary (several lines, no secrets). */
    public static String run(Stack.Endpoints endpoints, GraphEmulator emulator) {
        return Summary.of(execute(endpoints, emulator));
    }

    public static Result execute(Stack.Endpoints e, GraphEmulator emulator) {
        Api api = new Api(new ObjectMapper().findAndRegisterModules(), adminToken(emulator));
        String providerId = provider(api, e.credentialService());
        JsonNode validation = api.post(e.credentialService() + "/api/providers/" + providerId + "/validate",
                Map.of("organizerId", DemoScenario.ORGANIZER_ID)).expect(200).body();
        DemoData.Ruleset ruleset = DemoData.nasbaGib(api, e.sessionService());
        DemoData.Ruleset cfp = DemoData.preset(api, e.sessionService(), DemoData.CFP_BOARD_PRESET);
        String sessionId = session(api, e.sessionService(), providerId, ruleset.id(), cfp.id());
        SessionSteps steps = new SessionSteps(api, e, sessionId);
        SessionSteps.Prepared prepared = steps.prepare(DemoData.roster(), DemoPolls.build(), ruleset.name());
        JsonNode completion = steps.mapAttendee(DemoData.GUEST_NAME, DemoData.GUEST_LMS_ID);
        JsonNode processing = steps.process();
        return new Result(providerId, sessionId, validation, prepared.attendance(), prepared.polls(),
                completion, processing, steps.published(processing));
    }

    public static String adminToken(GraphEmulator emulator) {
        return emulator.mintIdpToken(FIRM, "demo-admin", "Demo Admin", "admin@demo.test", List.of("cpe-admin"));
    }

    /** The demo firm's application credential for the Contoso tenant, registered on first use. */
    public static String provider(Api api, String credentialService) {
        for (JsonNode p : api.getAll(credentialService + "/api/providers", null).expect(200).body()) {
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

    /** A session of the demo organizer's meeting at {@code joinUrl}: 2 credits at most, in the demo's time zone. */
    public static Map<String, Object> sessionBody(String title, Instant start, Instant end, String joinUrl,
                                                  String providerId, String rulesetId) {
        Map<String, Object> body = new TreeMap<>();
        body.put("title", title);
        body.put("scheduledStart", start.toString());
        body.put("scheduledEnd", end.toString());
        body.put("timeZone", DemoData.TIME_ZONE);
        body.put("maxCredits", 2);
        body.put("fieldsOfStudy", List.of("Ethics (Regulatory)"));
        body.put("providerId", providerId);
        body.put("organizerId", DemoScenario.ORGANIZER_ID);
        body.put("joinUrl", joinUrl);
        body.put("rulesetId", rulesetId);
        return body;
    }

    /**
     * The demo session: CPA credit under NASBA GIB (at most 2) and CFP credit under CFP Board (its maximum derived
     * from the scheduled 100 minutes).
     */
    private static String session(Api api, String sessionService, String providerId, String nasbaId, String cfpId) {
        Map<String, Object> body = sessionBody(DemoScenario.MEETING_SUBJECT, DemoScenario.MEETING_START,
                DemoScenario.MEETING_END, DemoScenario.JOIN_URL, providerId, null);
        body.remove("rulesetId");
        body.remove("maxCredits");
        body.put("creditTypes", List.of(Map.of("code", DemoData.CPA, "rulesetId", nasbaId, "maxCredits", 2),
                Map.of("code", DemoData.CFP, "rulesetId", cfpId)));
        for (JsonNode s : api.getAll(sessionService + "/api/sessions?status=SCHEDULED&size=1000", "items").expect(200)
                .body().path("items")) {
            if (DemoScenario.JOIN_URL.equals(s.path("joinUrl").asText())
                    && s.path("status").asText().equals("SCHEDULED")) {
                String id = s.path("id").asText();
                // data kept from an earlier demo: one ruleset, or none with polls; a partial update sets the types
                if (s.path("creditTypes").size() != 2) {
                    api.patch(sessionService + "/api/sessions/" + id, Map.of("creditTypes", body.get("creditTypes")))
                            .expect(200);
                }
                return id;
            }
        }
        return api.post(sessionService + "/api/sessions", body).expect(201).body().path("id").asText();
    }
}
