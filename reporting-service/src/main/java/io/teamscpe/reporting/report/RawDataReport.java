package io.teamscpe.reporting.report;

import io.teamscpe.contracts.attendance.Interval;
import java.time.Instant;
import java.util.List;

/** The Raw Data report: attendance and poll responses per participant, before any rule. */
public record RawDataReport(String sessionId, String title, String timeZone, String attendanceSnapshotId,
                            List<SessionSnapshot.Poll> polls, List<Row> rows, String note) {

    /** One participant's answer to one poll; answer null means no response. */
    public record PollAnswer(String pollId, String answer, Instant answeredAt) {
    }

    /** One participant: identity, every interval, and each poll's answer. */
    public record Row(String participantId, String displayName, String email, MatchStatus matchStatus,
                      Presence attendance,
                      Instant firstJoin, Instant lastLeave, List<Interval> intervals, long totalMinutes, long totalSeconds,
                      List<PollAnswer> answers, AttendanceMatch matchMethod, List<MappedAttendee> mappedAttendees) {
    }
}
