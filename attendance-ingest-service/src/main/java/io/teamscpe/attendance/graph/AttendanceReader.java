package io.teamscpe.attendance.graph;

import com.microsoft.graph.models.AttendanceInterval;
import com.microsoft.graph.models.AttendanceRecord;
import com.microsoft.graph.models.AttendanceRecordCollectionResponse;
import com.microsoft.graph.models.MeetingAttendanceReport;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.onlinemeetings.item.OnlineMeetingItemRequestBuilder;
import com.microsoft.kiota.serialization.KiotaJsonSerialization;
import io.teamscpe.attendance.TrackedSession;
import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.platform.graph.BrokeredToken;
import io.teamscpe.platform.graph.GraphClients;
import io.teamscpe.platform.graph.TokenBrokerClient;
import io.teamscpe.platform.graph.TokenRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reads a session's attendance from Graph: the reports whose meeting overlaps the session window (another
 * occurrence of a recurring meeting never mixes in), then every record, following {@code @odata.nextLink} verbatim.
 * Runs on worker threads only (the SDK sleeps while retrying).
 */
@ApplicationScoped
public class AttendanceReader {
    /** Progress callback: pages and records read so far. */
    public interface Progress {
        void pageRead(int pages, int records);
    }

    public record Fetched(List<String> reportIds, List<String> rawPages, ParticipantCollector participants) {
    }

    private final TokenBrokerClient broker;
    private final GraphClients graph;

    public AttendanceReader(@RestClient TokenBrokerClient broker, GraphClients graph) {
        this.broker = broker;
        this.graph = graph;
    }

    public Fetched read(TrackedSession session, Progress progress) {
        BrokeredToken token = broker.issue(new TokenRequest(session.firmId, session.providerId, session.organizerId));
        GraphServiceClient client = graph.withToken(token.accessToken());
        var meeting = meeting(client, token, session.meetingId);
        List<MeetingAttendanceReport> reports = meeting.attendanceReports().get().getValue();
        List<String> chosen = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        ParticipantCollector collector = new ParticipantCollector();
        for (MeetingAttendanceReport report : reports == null ? List.<MeetingAttendanceReport>of() : reports) {
            if (!overlaps(report, session)) {
                continue;
            }
            chosen.add(report.getId());
            var records = meeting.attendanceReports().byMeetingAttendanceReportId(report.getId()).attendanceRecords();
            AttendanceRecordCollectionResponse page = records.get();
            while (page != null) {
                raw.add(serialize(page));
                for (AttendanceRecord r : page.getValue()) {
                    collector.add(r.getIdentity() == null ? null : r.getIdentity().getId(), r.getEmailAddress(),
                            r.getIdentity() == null ? null : r.getIdentity().getDisplayName(), r.getRole(),
                            intervals(r.getAttendanceIntervals()));
                }
                progress.pageRead(raw.size(), collector.records());
                page = page.getOdataNextLink() == null ? null : records.withUrl(page.getOdataNextLink()).get();
            }
        }
        return new Fetched(chosen, raw, collector);
    }

    private static boolean overlaps(MeetingAttendanceReport r, TrackedSession s) {
        OffsetDateTime start = r.getMeetingStartDateTime();
        OffsetDateTime end = r.getMeetingEndDateTime();
        return start != null && end != null
                && start.toInstant().isBefore(s.scheduledEnd) && end.toInstant().isAfter(s.scheduledStart);
    }

    private static OnlineMeetingItemRequestBuilder meeting(GraphServiceClient client, BrokeredToken token,
                                                           String meetingId) {
        if (!token.graphUserPath().startsWith("users/")) {
            throw new IllegalStateException("attendance of delegated providers is not supported yet: use an "
                    + "application credential, or upload the Teams attendance file");
        }
        return client.users().byUserId(token.organizerId()).onlineMeetings().byOnlineMeetingId(meetingId);
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
