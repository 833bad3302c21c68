package io.teamscpe.emulator.control;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.teamscpe.emulator.Scenario;
import io.teamscpe.emulator.Scenario.Meeting;
import io.teamscpe.emulator.Scenario.Tenant;
import io.teamscpe.emulator.http.Request;
import io.teamscpe.emulator.http.Response;
import io.teamscpe.emulator.http.Router;
import io.teamscpe.emulator.identity.DelegatedGrants;
import io.teamscpe.emulator.idp.IdpTokens;
import io.teamscpe.emulator.json.Json;
import io.teamscpe.emulator.state.EmulatorState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's own control endpoints under {@code /_emulator}: load or summarize the scenario, mint firm user
 * tokens, revoke a user's delegated grants, health.
 */
public final class ControlApi {

    private final EmulatorState state;
    private final IdpTokens idpTokens;
    private final DelegatedGrants delegated;

    public ControlApi(EmulatorState state, IdpTokens idpTokens, DelegatedGrants delegated) {
        this.state = state;
        this.idpTokens = idpTokens;
        this.delegated = delegated;
    }

    public void register(Router router) {
        router.get("/_emulator/health", r -> Response.ok(Map.of("status", "UP")))
                .get("/_emulator/scenario", r -> Response.ok(summary(state.directory().scenario())))
                .put("/_emulator/scenario", this::loadScenario)
                .post("/_emulator/idp/tokens", this::mintToken)
                .post("/_emulator/identity/revoke", this::revoke);
    }

    /** Body {@code {"clientId": ..., "userId": ...}}: revokes the user's refresh tokens for that app. */
    private Response revoke(Request request) {
        RevokeRequest body;
        try {
            body = Json.read(request.body(), RevokeRequest.class);
        } catch (IllegalArgumentException e) {
            return Response.json(400, Map.of("error", "invalid_request", "error_description", e.getMessage()));
        }
        if (body.clientId() == null || body.userId() == null) {
            return Response.json(400, Map.of("error", "invalid_request",
                    "error_description", "clientId and userId are required"));
        }
        return Response.ok(Map.of("revoked", delegated.revoke(body.clientId(), body.userId())));
    }

    private Response loadScenario(Request request) {
        Scenario scenario;
        try {
            scenario = Json.read(request.body(), Scenario.class);
            state.load(scenario);
        } catch (IllegalArgumentException e) {
            return Response.json(400, Map.of("error", "invalid_scenario", "error_description", e.getMessage()));
        }
        return Response.ok(summary(scenario));
    }

    private Response mintToken(Request request) {
        TokenRequest body;
        try {
            body = Json.read(request.body(), TokenRequest.class);
        } catch (IllegalArgumentException e) {
            return Response.json(400, Map.of("error", "invalid_request", "error_description", e.getMessage()));
        }
        if (body.subject() == null || body.subject().isBlank()) {
            return Response.json(400, Map.of("error", "invalid_request", "error_description", "subject is required"));
        }
        String token = idpTokens.userToken(body.firmId(), body.subject(), body.name(), body.email(), body.roles(),
                body.audience());
        return Response.ok(IdpTokens.tokenResponse(token));
    }

    /** Counts per tenant and in total. */
    static Map<String, Object> summary(Scenario scenario) {
        List<Object> tenants = scenario.tenants().stream().map(t -> (Object) tenantSummary(t)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenants", scenario.tenants().size());
        body.put("apps", scenario.tenants().stream().mapToInt(t -> t.apps().size()).sum());
        body.put("users", scenario.tenants().stream().mapToInt(t -> t.users().size()).sum());
        body.put("meetings", scenario.tenants().stream().mapToInt(t -> t.meetings().size()).sum());
        body.put("attendanceReports", scenario.tenants().stream().flatMap(t -> t.meetings().stream())
                .mapToInt(m -> m.attendanceReports().size()).sum());
        body.put("attendanceRecords", scenario.tenants().stream().flatMap(t -> t.meetings().stream())
                .mapToInt(ControlApi::recordCount).sum());
        body.put("graphPageSize", scenario.graphPageSize());
        body.put("tokenLifetimeSeconds", scenario.tokenLifetimeSeconds());
        body.put("tenantDetails", tenants);
        return body;
    }

    static Map<String, Object> tenantSummary(Tenant tenant) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", tenant.id());
        json.put("displayName", tenant.displayName());
        json.put("apps", tenant.apps().size());
        json.put("users", tenant.users().size());
        json.put("meetings", tenant.meetings().size());
        json.put("attendanceRecords", tenant.meetings().stream().mapToInt(ControlApi::recordCount).sum());
        return json;
    }

    private static int recordCount(Meeting meeting) {
        return meeting.attendanceReports().stream().mapToInt(r -> r.records().size()).sum();
    }

    /** Body of {@code POST /_emulator/identity/revoke}. */
    record RevokeRequest(String clientId, String userId) {
    }

    /** Body of {@code POST /_emulator/idp/tokens}; {@code audience} (alias {@code aud}) is optional. */
    record TokenRequest(String firmId, String subject, String name, String email, List<String> roles,
                        @JsonAlias("aud") String audience) {
    }
}
