package io.teamscpe.emulator.control;

import io.teamscpe.emulator.faults.FaultKind;
import io.teamscpe.emulator.faults.FaultPlan;
import io.teamscpe.emulator.faults.FaultStats;
import io.teamscpe.emulator.faults.GraphFaults;
import io.teamscpe.emulator.http.Request;
import io.teamscpe.emulator.http.Response;
import io.teamscpe.emulator.http.Router;
import io.teamscpe.emulator.json.Json;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET|PUT|DELETE /_emulator/faults} and {@code GET /_emulator/stats}: Graph fault injection and latency, and
 * what they did. The plan's JSON: {@code {"rate":0.2,"seed":7,"kinds":["429","503","504","TIMEOUT"],
 * "retryAfterSeconds":1,"timeoutMillis":3000,"latencyMillis":0}}; every field is optional.
 */
public final class FaultControlApi {

    private final GraphFaults faults;

    public FaultControlApi(GraphFaults faults) {
        this.faults = faults;
    }

    public void register(Router router) {
        router.get("/_emulator/faults", r -> Response.ok(toJson(faults.plan())))
                .put("/_emulator/faults", this::install)
                .delete("/_emulator/faults", r -> {
                    faults.clear();
                    return Response.ok(toJson(faults.plan()));
                })
                .get("/_emulator/stats", r -> Response.ok(toJson(faults.stats())));
    }

    private Response install(Request request) {
        FaultPlan plan;
        try {
            plan = fromJson(Json.read(request.body(), PlanJson.class));
        } catch (IllegalArgumentException e) {
            return Response.json(400, Map.of("error", "invalid_request", "error_description", e.getMessage()));
        }
        faults.install(plan);
        return Response.ok(toJson(plan));
    }

    private static FaultPlan fromJson(PlanJson json) {
        FaultPlan plan = FaultPlan.of(json.rate() == null ? 0 : json.rate(), json.seed() == null ? 0 : json.seed());
        if (json.kinds() != null && !json.kinds().isEmpty()) {
            plan = plan.withKinds(json.kinds().stream().map(FaultKind::parse).toArray(FaultKind[]::new));
        }
        if (json.retryAfterSeconds() != null) {
            plan = plan.withRetryAfterSeconds(json.retryAfterSeconds());
        }
        if (json.timeoutMillis() != null) {
            plan = plan.withTimeoutHold(Duration.ofMillis(json.timeoutMillis()));
        }
        if (json.latencyMillis() != null) {
            plan = plan.withLatency(Duration.ofMillis(json.latencyMillis()));
        }
        return plan;
    }

    private static Map<String, Object> toJson(FaultPlan plan) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rate", plan.rate());
        json.put("seed", plan.seed());
        json.put("kinds", plan.kinds().stream().map(FaultKind::label).toList());
        json.put("retryAfterSeconds", plan.retryAfterSeconds());
        json.put("timeoutMillis", plan.timeoutHold().toMillis());
        json.put("latencyMillis", plan.latency().toMillis());
        return json;
    }

    private static Map<String, Object> toJson(FaultStats stats) {
        Map<String, Object> byKind = new LinkedHashMap<>();
        for (FaultKind kind : FaultKind.values()) {
            byKind.put(kind.label(), stats.faults(kind));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("graphRequests", stats.graphRequests());
        json.put("served", stats.served());
        json.put("faults", byKind);
        json.put("faultsTotal", stats.totalFaults());
        return json;
    }

    /** Body of {@code PUT /_emulator/faults}; missing fields take {@link FaultPlan#of}'s defaults. */
    record PlanJson(Double rate, Long seed, List<String> kinds, Integer retryAfterSeconds, Long timeoutMillis,
                    Long latencyMillis) {
    }
}
