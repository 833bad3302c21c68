package io.teamscpe.attendance.api;

import io.teamscpe.attendance.IngestionJob;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The response of the attendance endpoints: where fetching the session's attendance stands. */
@Schema(description = "Where fetching the session's attendance stands")
public record AttendanceStatus(String sessionId, IngestionJob.State state, String detail, int pages,
                               int records, List<String> reportsUsed, String snapshotId, Instant lastFetchAt) {
    public static AttendanceStatus of(IngestionJob j) {
        return new AttendanceStatus(j.sessionId, j.state, j.detail, j.pages, j.records, j.reportsUsed,
                j.snapshotId, j.lastFetchAt);
    }
}
