package io.teamscpe.emulator.faults;

import java.util.Map;

/**
 * Counters since the current {@link FaultPlan} was installed.
 *
 * @param graphRequests Graph {@code /v1.0} requests received
 * @param served those answered by the Graph endpoints (not faulted)
 * @param faults injected faults by kind (every kind present, zero when none)
 */
public record FaultStats(long graphRequests, long served, Map<FaultKind, Long> faults) {

    public FaultStats {
        faults = Map.copyOf(faults);
    }

    public long faults(FaultKind kind) {
        return faults.getOrDefault(kind, 0L);
    }

    public long totalFaults() {
        return faults.values().stream().mapToLong(Long::longValue).sum();
    }
}
