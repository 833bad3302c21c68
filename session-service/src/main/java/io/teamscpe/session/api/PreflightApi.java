package io.teamscpe.session.api;

import io.teamscpe.session.Preflight;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response body of /api/sessions/{id}/preflight. */
public final class PreflightApi {
    private PreflightApi() {
    }

    @Schema(description = "One check: PASS, WARN or FAIL, what was found, and what to do when it is not PASS")
    public record Check(@Schema(example = "token") String name, @Schema(example = "PASS") String status,
                        String detail, String fix) {
        static Check of(Preflight.Check c) {
            return new Check(c.name(), c.status().name(), c.detail(), c.fix());
        }
    }

    @Schema(description = "Whether the session is ready to run: the worst check decides the outcome")
    public record PreflightReport(UUID sessionId, String outcome, List<Check> checks, Instant checkedAt) {
        public static PreflightReport of(Preflight p) {
            return new PreflightReport(p.sessionId(), p.outcome().name(), p.checks().stream().map(Check::of).toList(),
                    p.checkedAt());
        }
    }
}
