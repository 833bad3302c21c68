package io.teamscpe.reporting.rest;

import io.teamscpe.contracts.attendance.Interval;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the Raw Data report: the facts, before any rule. */
public final class RawDataApi {
    private RawDataApi() {
    }

    @Schema(description = "A poll as presented, and whether it counts towards credit")
    public record PollColumn(String pollId, String question, boolean included, String fileName, String sha256) {
    }

    @Schema(description = "One participant's answer to one poll; answer null means no response")
    public record PollAnswer(String pollId, String answer, Instant answeredAt) {
    }

    @Schema(description = "One participant: identity, every interval, and each poll's answer")
    public record RawRow(String participantId, String displayName, String email, String matchStatus,
                         Instant firstJoin, Instant lastLeave, List<Interval> intervals, long totalMinutes,
                         List<PollAnswer> answers) {
    }

    @Schema(description = "Attendance and poll responses per participant, with what they were taken from")
    public record RawDataReport(String sessionId, String title,
                                @Schema(description = "The session's IANA time zone") String timeZone,
                                String attendanceSnapshotId, List<PollColumn> polls, List<RawRow> rows,
                                String note) {
    }
}
