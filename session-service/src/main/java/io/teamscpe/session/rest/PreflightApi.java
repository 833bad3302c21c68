package io.teamscpe.session.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class PreflightApi {
    public static final String PASS = "PASS";
    public static final String WARN = "WARN";
    public static final String FAIL = "FAIL";

    private PreflightApi() {
    }

    @Schema(description = "One check: PASS, WARN or FAIL, what was found, and what to do when it is not PASS")
    public record Check(@Schema(example = "token") String name, @Schema(example = "PASS") String status,
                        String detail, String fix) {
    }

    @Schema(description = "Whether the session is ready to run: the worst check decides the outcome")
    public record PreflightReport(UUID sessionId, String outcome, List<Check> checks, Instant checkedAt) {
    }
}
