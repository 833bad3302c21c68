package io.teamscpe.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A pre-flight report: whether the session is ready to run; the worst check decides the outcome. */
public record Preflight(UUID sessionId, Status outcome, List<Check> checks, Instant checkedAt) {
    /** How a check (or the whole pre-flight) came out. */
    public enum Status {
        PASS,
        WARN,
        FAIL
    }

    /** One check: what was found, and what to do when it is not PASS. */
    public record Check(String name, Status status, String detail, String fix) {
    }

    /** The report over these checks: FAIL if any failed, else WARN if any warned, else PASS. */
    public static Preflight of(UUID sessionId, List<Check> checks, Instant checkedAt) {
        Status outcome = checks.stream().anyMatch(c -> c.status() == Status.FAIL) ? Status.FAIL
                : checks.stream().anyMatch(c -> c.status() == Status.WARN) ? Status.WARN : Status.PASS;
        return new Preflight(sessionId, outcome, checks, checkedAt);
    }
}
