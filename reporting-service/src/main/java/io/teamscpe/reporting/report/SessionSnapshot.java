package io.teamscpe.reporting.report;

import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.contracts.attendance.Participant;
import io.teamscpe.contracts.session.CreditType;
import io.teamscpe.contracts.session.RulesetRules;
import io.teamscpe.platform.readmodel.AttendanceGaps;
import io.teamscpe.platform.readmodel.KnownSession;
import java.time.Instant;
import java.util.List;

/**
 * Everything the reports of one session are computed from, as read from the read models at one moment.
 *
 * @param creditTypes the session's credit types in its order, each with the ruleset version it names (null until that
 *                    version has reached reporting: no credit of that type is computed)
 * @param mappings    the attendance mappings in force (undone ones left out), whether or not they take effect
 */
public record SessionSnapshot(KnownSession session, List<TypedRules> creditTypes, List<Attendee> attendees,
                              List<Enrolled> roster,
                              List<Poll> polls, List<Response> responses, Freshness freshness,
                              AttendanceGaps.Gap attendanceGap, List<AttendanceMapping> mappings) {

    /** One attendance participant with every interval. */
    public record Attendee(Participant participant, List<Interval> intervals) {
    }

    /**
     * One enrolled professional.
     *
     * @param creditTypes the codes of the credit types the professional seeks; null or empty: every one
     */
    public record Enrolled(String lmsId, String email, List<String> alternateEmails, String displayName,
                           List<String> creditTypes) {
        /** An enrollment that seeks every credit type of the session. */
        public Enrolled(String lmsId, String email, List<String> alternateEmails, String displayName) {
            this(lmsId, email, alternateEmails, displayName, null);
        }
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

    /** One credit type of the session and the ruleset version it names; {@code rules} null while waiting for it. */
    public record TypedRules(CreditType type, Rules rules) {
        public String code() {
            return type.code();
        }

        public boolean waiting() {
            return rules == null;
        }
    }

    /** The first credit type's ruleset version (the one the session's legacy fields name); null while waiting. */
    public Rules rules() {
        return creditTypes == null || creditTypes.isEmpty() ? null : creditTypes.get(0).rules();
    }

    /** Which attendance snapshot is current, where it came from, and when it was fetched and applied. */
    public record Freshness(String snapshotId, String source, Instant fetchedAt, Instant appliedAt) {
    }
}
