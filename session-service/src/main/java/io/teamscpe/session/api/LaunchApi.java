package io.teamscpe.session.api;

import io.teamscpe.session.LaunchGrant;
import io.teamscpe.session.LaunchWindow;
import io.teamscpe.session.Session;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response body of /api/sessions/{id}/launch. */
public final class LaunchApi {
    private LaunchApi() {
    }

    @Schema(description = "Where to join the session's Teams meeting, and when launching is open")
    public record LaunchView(UUID sessionId, String title, String joinUrl, Instant opensAt, Instant closesAt,
                             @Schema(description = "IANA zone the launch day is counted in") String timeZone) {
        public static LaunchView of(LaunchGrant grant) {
            Session s = grant.session();
            LaunchWindow w = grant.window();
            return new LaunchView(s.id, s.title, s.joinUrl, w.opens().toInstant(), w.closes().toInstant(),
                    s.timeZone);
        }
    }
}
