package io.teamscpe.reporting.export;

import io.teamscpe.reporting.export.Table.Fact;
import io.teamscpe.reporting.report.CompletionReport;
import io.teamscpe.reporting.report.CompletionReport.CreditTypeSummary;
import io.teamscpe.reporting.report.CompletionReport.Freshness;
import io.teamscpe.reporting.report.CompletionReport.Row;
import io.teamscpe.reporting.report.MappedAttendee;
import io.teamscpe.reporting.report.RawDataReport;
import io.teamscpe.reporting.report.RawDataReport.PollAnswer;
import io.teamscpe.reporting.report.SessionSnapshot.Poll;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The Raw Data and Completion reports as tables: their columns, in one place for every download format. */
public final class ReportTables {
    private ReportTables() {
    }

    public static Table rawData(RawDataReport r) {
        List<String> header = new ArrayList<>(List.of("participant_id", "display_name", "email", "match_status",
                "first_join", "last_leave", "intervals", "total_minutes"));
        r.polls().forEach(p -> {
            header.add(p.question() + (p.included() ? "" : " (excluded)"));
            header.add(p.question() + " – answered at");
        });
        header.addAll(List.of("attendance", "match_method", "mapped_attendees"));
        List<List<Object>> rows = new ArrayList<>(r.rows().size());
        for (RawDataReport.Row row : r.rows()) {
            List<Object> cells = new ArrayList<>(Arrays.asList(row.participantId(), row.displayName(), row.email(),
                    row.matchStatus().name(), row.firstJoin(), row.lastLeave(), row.intervals().stream()
                            .map(i -> i.joined() + "/" + i.left()).collect(Collectors.joining(" ")),
                    row.totalMinutes()));
            for (PollAnswer a : row.answers()) {
                cells.add(a.answer() == null ? "no response" : a.answer());
                cells.add(a.answeredAt());
            }
            cells.add(row.attendance().wording());
            cells.add(row.matchMethod() == null ? null : row.matchMethod().name());
            cells.add(mapped(row.mappedAttendees()));
            rows.add(cells);
        }
        ZoneId zone = zone(r.timeZone());
        List<Fact> about = new ArrayList<>(List.of(new Fact("Report", "Raw Data"),
                new Fact("Session", r.sessionId()), new Fact("Title", r.title()), new Fact("Time zone", zone.getId()),
                new Fact("Attendance snapshot", r.attendanceSnapshotId() == null ? "none yet"
                        : r.attendanceSnapshotId()),
                new Fact("Polls", r.polls().size())));
        for (Poll p : r.polls()) {
            about.add(new Fact("Poll " + p.pollId(), p.question() + (p.included() ? " (counts)" : " (excluded)")
                    + "; file " + p.fileName() + ", SHA-256 " + p.sha256()));
        }
        about.add(new Fact("Note", r.note()));
        return new Table("Raw Data", header, rows, about,
                "# attendance snapshot " + r.attendanceSnapshotId() + ". " + r.note(), zone);
    }

    public static Table completion(CompletionReport r) {
        List<String> header = List.of("participant_id", "display_name", "email", "match_status", "minutes_present",
                "polls_answered", "polls_presented", "suggested_credit", "reason", "override_credit",
                "override_reason", "override_by", "final_credit", "credit_type", "ruleset", "ruleset_version",
                "attendance", "match_method", "mapped_attendees");
        Map<String, CreditTypeSummary> types = new HashMap<>();
        r.creditTypes().forEach(t -> types.put(t.code(), t));
        List<List<Object>> rows = new ArrayList<>(r.rows().size());
        for (Row row : r.rows()) {
            var o = row.override();
            CreditTypeSummary type = types.get(row.creditType());
            rows.add(Arrays.asList(row.participantId(), row.displayName(), row.email(), row.matchStatus().name(),
                    row.minutesPresent(), row.pollsAnswered(), row.pollsPresented(), row.suggestedCredit(),
                    row.reason(), o == null ? null : o.credit(), o == null ? null : o.reason(),
                    o == null ? null : o.by(), row.finalCredit(), row.creditType(),
                    type == null ? null : type.ruleset(), type == null || type.waiting() ? null
                            : type.rulesetVersion(), row.attendance().wording(),
                    row.matchMethod() == null ? null : row.matchMethod().name(), mapped(row.mappedAttendees())));
        }
        Freshness f = r.freshness();
        ZoneId zone = zone(r.timeZone());
        List<Fact> about = List.of(new Fact("Report", "Completion"), new Fact("Session", r.sessionId()),
                new Fact("Title", r.title()), new Fact("Scheduled start", r.scheduledStart()),
                new Fact("Scheduled end", r.scheduledEnd()), new Fact("Time zone", zone.getId()),
                new Fact("Ruleset", r.ruleset() == null ? "waiting for the session's ruleset" : r.ruleset()),
                new Fact("Ruleset version", r.rulesetVersion() == null ? "" : r.rulesetVersion()),
                new Fact("Credit types", r.creditTypes().stream().map(ReportTables::described)
                        .collect(Collectors.joining("; "))),
                new Fact("Attendance snapshot", f.attendanceSnapshotId() == null ? "none yet"
                        : f.attendanceSnapshotId()),
                new Fact("Attendance source", f.attendanceSource()),
                new Fact("Attendance fetched at", f.attendanceFetchedAt()),
                new Fact("Polls counted", f.pollsIncluded()), new Fact("Polls excluded", f.pollsExcluded()),
                new Fact("Enrolled", f.enrolled()), new Fact("Note", f.note()));
        return new Table("Completion", header, rows, about, null, zone);
    }

    /** "CFP: CFP Board v1, at most 1.5 credits", or what the credit type waits for. */
    private static String described(CreditTypeSummary t) {
        return t.code() + ": " + (t.waiting() ? "waiting for ruleset " + t.rulesetId() + " version "
                + t.rulesetVersion() : t.ruleset() + " v" + t.rulesetVersion())
                + (t.maxCredits() == null ? "" : ", at most " + t.maxCredits().stripTrailingZeros().toPlainString()
                + " credits");
    }

    /** "Bob (home) <bob@home.test> [participant key]: MAPPED by admin@firm.test at …", one per attendee. */
    private static String mapped(List<MappedAttendee> attendees) {
        if (attendees.isEmpty()) {
            return null;
        }
        return attendees.stream().map(a -> (a.displayName() == null ? "(no name)" : a.displayName())
                + (a.email() == null ? "" : " <" + a.email() + ">") + " [" + a.participantKey() + "]: "
                + a.method() + " by " + a.mappedBy() + " at " + a.mappedAt()).collect(Collectors.joining("; "));
    }

    /** The session's zone; UTC if it has none reporting can read (the About sheet says which one was used). */
    private static ZoneId zone(String timeZone) {
        try {
            return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
