package io.teamscpe.reporting.api;

import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.reporting.report.Presence;
import io.teamscpe.reporting.report.MappedAttendee;
import io.teamscpe.reporting.report.AttendanceMatch;
import io.teamscpe.reporting.report.MatchStatus;
import io.teamscpe.reporting.report.RawDataReport.Row;
import io.teamscpe.reporting.report.SessionSnapshot.Poll;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the Raw Data report: the facts, before any rule. */
public final class RawDataApi {
    private RawDataApi() {
    }

    @Schema(description = "A poll as presented, and whether it counts towards credit")
    public record PollColumn(String pollId, String question, boolean included, String fileName, String sha256) {
        static PollColumn of(Poll p) {
            return new PollColumn(p.pollId(), p.question(), p.included(), p.fileName(), p.sha256());
        }
    }

    @Schema(description = "One participant's answer to one poll; answer null means no response")
    public record PollAnswer(String pollId, String answer, Instant answeredAt) {
        static PollAnswer of(io.teamscpe.reporting.report.RawDataReport.PollAnswer a) {
            return new PollAnswer(a.pollId(), a.answer(), a.answeredAt());
        }
    }

    @Schema(description = "One participant: identity, every interval, and each poll's answer")
    public record RawRow(String participantId, String displayName, String email, MatchStatus matchStatus,
                         @Schema(description = Presence.DESCRIPTION) Presence attendance,
                         Instant firstJoin, Instant lastLeave, List<Interval> intervals,
                         @Schema(description = "Whole minutes of totalSeconds (rounded down)") long totalMinutes,
                         @Schema(description = "Time present to the second: the union of the intervals")
                         long totalSeconds, List<PollAnswer> answers,
                         @Schema(description = CompletionApi.MATCH_METHOD) AttendanceMatch matchMethod,
                         @Schema(description = CompletionApi.MAPPED_ATTENDEES) List<MappedAttendee> mappedAttendees) {
        static RawRow of(Row r) {
            return new RawRow(r.participantId(), r.displayName(), r.email(), r.matchStatus(), r.attendance(),
                    r.firstJoin(), r.lastLeave(), r.intervals(), r.totalMinutes(), r.totalSeconds(),
                    r.answers().stream().map(PollAnswer::of).toList(), r.matchMethod(), r.mappedAttendees());
        }
    }

    @Schema(description = "Attendance and poll responses per participant, with what they were taken from")
    public record RawDataReport(String sessionId, String title,
                                @Schema(description = "The session's IANA time zone") String timeZone,
                                String attendanceSnapshotId, List<PollColumn> polls, List<RawRow> rows,
                                String note) {
        public static RawDataReport of(io.teamscpe.reporting.report.RawDataReport r) {
            return new RawDataReport(r.sessionId(), r.title(), r.timeZone(), r.attendanceSnapshotId(),
                    r.polls().stream().map(PollColumn::of).toList(), r.rows().stream().map(RawRow::of).toList(),
                    r.note());
        }
    }
}
