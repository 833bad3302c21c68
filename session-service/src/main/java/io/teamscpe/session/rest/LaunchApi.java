package io.teamscpe.session.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class LaunchApi {
    private LaunchApi() {
    }

    @Schema(description = "Where to join the session's Teams meeting, and when launching is open")
    public record LaunchView(UUID sessionId, String title, String joinUrl, Instant opensAt, Instant closesAt,
                             @Schema(description = "IANA zone the launch day is counted in") String timeZone) {
    }
}
