package io.teamscpe.attendance.graph;

import com.microsoft.graph.models.AttendanceInterval;
import com.microsoft.graph.models.AttendanceRecord;
import com.microsoft.graph.models.AttendanceRecordCollectionResponse;
import com.microsoft.graph.models.MeetingAttendanceReport;
import com.microsoft.graph.models.MeetingAttendanceReportCollectionResponse;
import com.microsoft.kiota.serialization.KiotaJsonSerialization;
import io.teamscpe.attendance.TrackedSession;
import io.teamscpe.attendance.normalize.AttendanceRow;
import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.platform.graph.GraphRetry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a session's attendance from Graph: the reports whose meeting overlaps the session window (another
 * occurrence of a recurring meeting never mixes in), then every record page, following {@code @odata.nextLink}
 * verbatim, handing each page to the caller as soon as it arrives so memory holds one page. Every request goes
 * through {@link GraphRetry} (budget, 429/503/504/timeouts, token renewal). Worker threads only.
 */
@ApplicationScoped
public class AttendanceReader {
    /** Receives each page of records as read: its report, the raw Graph JSON, and the rows. */
    public interface PageSink {
        void page(String reportId, String rawPage, List<AttendanceRow> rows);
    }

    private final GraphAccess access;
    private final GraphRetry retry;

    public AttendanceReader(GraphAccess access, GraphRetry retry) {
        this.access = access;
        this.retry = retry;
    }

    /** Reads every page of the reports that cover the session; returns their ids (empty: no report yet). */
    public List<String> read(TrackedSession session, PageSink sink) {
        GraphAccess.Connection graph = access.connect(session);
        MeetingAttendanceReportCollectionResponse listed = retry.call(session.providerId, graph::renew,
                () -> graph.reports(session.meetingId).get());
        List<String> chosen = new ArrayList<>();
        for (MeetingAttendanceReport report : listed == null || listed.getValue() == null
                ? List.<MeetingAttendanceReport>of() : listed.getValue()) {
            if (!overlaps(report, session)) {
                continue;
            }
            chosen.add(report.getId());
            String next = graph.recordsUrl(session.meetingId, report.getId());
            while (next != null) {
                String url = next;
                AttendanceRecordCollectionResponse page = retry.call(session.providerId, graph::renew,
                        () -> graph.records(url).get());
                sink.page(report.getId(), serialize(page), rows(page));
                next = page.getOdataNextLink();
            }
        }
        return chosen;
    }

    private static List<AttendanceRow> rows(AttendanceRecordCollectionResponse page) {
        List<AttendanceRow> rows = new ArrayList<>();
        for (AttendanceRecord r : page.getValue() == null ? List.<AttendanceRecord>of() : page.getValue()) {
            rows.add(new AttendanceRow(r.getIdentity() == null ? null : r.getIdentity().getId(), r.getEmailAddress(),
                    r.getIdentity() == null ? null : r.getIdentity().getDisplayName(), r.getRole(),
                    intervals(r.getAttendanceIntervals())));
        }
        return rows;
    }

    private static boolean overlaps(MeetingAttendanceReport r, TrackedSession s) {
        OffsetDateTime start = r.getMeetingStartDateTime();
        OffsetDateTime end = r.getMeetingEndDateTime();
        return start != null && end != null
                && start.toInstant().isBefore(s.scheduledEnd) && end.toInstant().isAfter(s.scheduledStart);
    }

    private static List<Interval> intervals(List<AttendanceInterval> intervals) {
        if (intervals == null) {
            return List.of();
        }
        return intervals.stream().map(i -> new Interval(
                i.getJoinDateTime() == null ? null : i.getJoinDateTime().toInstant(),
                i.getLeaveDateTime() == null ? null : i.getLeaveDateTime().toInstant())).toList();
    }

    private static String serialize(AttendanceRecordCollectionResponse page) {
        try {
            return KiotaJsonSerialization.serializeAsString(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
