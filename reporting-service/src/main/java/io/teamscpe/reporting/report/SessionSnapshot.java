package io.teamscpe.reporting.report;

import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.contracts.attendance.Participant;
import io.teamscpe.contracts.session.RulesetRules;
import io.teamscpe.platform.readmodel.AttendanceGaps;
import io.teamscpe.platform.readmodel.KnownSession;
import java.time.Instant;
import java.util.List;

/**
 * Everything the reports of one session are computed from, as read from the read models at one moment.
 *
 * @param rules    the ruleset version the session names; null until it has reached reporting (no credit is computed)
 * @param mappings the attendance mappings in force (undone ones left out), whether or not they take effect
 */
public record SessionSnapshot(KnownSession session, Rules rules, List<Attendee> attendees, List<Enrolled> roster,
                              List<Poll> polls, List<Response> responses, Freshness freshness,
                              AttendanceGaps.Gap attendanceGap, List<AttendanceMapping> mappings) {

    /** One attendance participant with every interval. */
    public record Attendee(Participant participant, List<Interval> intervals) {
    }

    /** One enrolled professional. */
    public record Enrolled(String lmsId, String email, List<String> alternateEmails, String displayName) {
    }

    /** A poll as presented, and whether it counts. */
    public record Poll(String pollId, String question, boolean included, String fileName, String sha256) {
    }

    /** One poll response with the match polling-service made. */
    public record Response(String pollId, String email, String name, boolean anonymous, String answers,
                           Instant completedAt, String participantKey, String professionalId) {
    }

    /** A ruleset version: its name, version and rules. */
    public record Rules(String name, int version, RulesetRules rules) {
    }

    /** Which attendance snapshot is current, where it came from, and when it was fetched and applied. */
    public record Freshness(String snapshotId, String source, Instant fetchedAt, Instant appliedAt) {
    }
}
