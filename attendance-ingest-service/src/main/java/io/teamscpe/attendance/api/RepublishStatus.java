package io.teamscpe.attendance.api;

import io.teamscpe.attendance.Republished;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The response of the internal republish endpoint. */
@Schema(description = "The session's current attendance snapshot, and whether its events were sent again now")
public record RepublishStatus(String snapshotId, int participants, boolean sent, Instant at) {
    public static RepublishStatus of(Republished r) {
        return new RepublishStatus(r.snapshotId(), r.participants(), r.sent(), r.at());
    }
}
