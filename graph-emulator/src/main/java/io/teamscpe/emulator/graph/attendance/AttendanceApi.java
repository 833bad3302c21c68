package io.teamscpe.emulator.graph.attendance;

import io.teamscpe.emulator.Scenario.AttendanceReport;
import io.teamscpe.emulator.Scenario.Meeting;
import io.teamscpe.emulator.graph.GraphApi;
import io.teamscpe.emulator.graph.GraphCaller;
import io.teamscpe.emulator.graph.GraphError;
import io.teamscpe.emulator.graph.Paging;
import io.teamscpe.emulator.graph.meetings.OrganizerAccess;
import io.teamscpe.emulator.graph.meetings.OrganizerAccess.Organizer;
import io.teamscpe.emulator.http.Request;
import io.teamscpe.emulator.http.Router;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Attendance reports of an organizer's meeting and their (paged) attendance records (also under /me). */
public final class AttendanceApi {

    private static final String ROLE = "OnlineMeetingArtifact.Read.All";
    private static final String REPORTS = "/onlineMeetings/{meeting}/attendanceReports";

    private final GraphApi graph;

    public AttendanceApi(GraphApi graph) {
        this.graph = graph;
    }

    public void register(Router router) {
        for (String user : GraphApi.USER_PREFIXES) {
            graph.get(router, user + REPORTS, this::listReports);
            graph.get(router, user + REPORTS + "/{report}", this::getReport);
            graph.get(router, user + REPORTS + "/{report}/attendanceRecords", this::listRecords);
        }
    }

    private Object listReports(Request request, GraphCaller caller) {
        Located located = locate(request, caller);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", context(located, "attendanceReports"));
        Instant now = graph.state().clock().instant();
        body.put("value", located.meeting.attendanceReports().stream().filter(r -> r.isAvailableAt(now))
                .map(r -> (Object) AttendanceJson.report(r, List.of())).toList());
        return body;
    }

    private Object getReport(Request request, GraphCaller caller) {
        Located located = locate(request, caller);
        AttendanceReport report = report(located.meeting, request.pathVar("report"));
        boolean expand = request.odata("expand").map(e -> e.toLowerCase(Locale.ROOT).contains("attendancerecords"))
                .orElse(false);
        List<Object> records = expand ? report.records().stream().map(AttendanceJson::record).toList() : null;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", context(located, "attendanceReports" + (expand ? "(attendanceRecords())" : "")
                + "/$entity"));
        body.putAll(AttendanceJson.report(report, records));
        return body;
    }

    private Object listRecords(Request request, GraphCaller caller) {
        Located located = locate(request, caller);
        AttendanceReport report = report(located.meeting, request.pathVar("report"));
        String context = context(located, "attendanceReports('" + report.id() + "')/attendanceRecords");
        return Paging.page(request, graph.state().baseUrl(), context, report.records(),
                graph.state().directory().graphPageSize(), AttendanceJson::record);
    }

    private static Located locate(Request request, GraphCaller caller) {
        Organizer organizer = OrganizerAccess.check(caller, request.pathVar("user"), ROLE);
        return new Located(organizer, organizer.meeting(request.pathVar("meeting")));
    }

    /** The report by id; one Teams has not published yet is not found, exactly like an unknown id. */
    private AttendanceReport report(Meeting meeting, String reportId) {
        Instant now = graph.state().clock().instant();
        return meeting.attendanceReports().stream()
                .filter(r -> reportId.equalsIgnoreCase(r.id()) && r.isAvailableAt(now)).findFirst()
                .orElseThrow(() -> GraphError.notFound("The attendance report '" + reportId + "' was not found"
                        + " for this online meeting."));
    }

    private static String context(Located located, String tail) {
        return GraphApi.METADATA + "users('" + located.organizer.user().id() + "')/onlineMeetings('"
                + located.meeting.id() + "')/" + tail;
    }

    private record Located(Organizer organizer, Meeting meeting) {
    }
}
