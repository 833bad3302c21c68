package io.teamscpe.emulator.control;

import io.teamscpe.emulator.Scenario.AttendanceReport;
import io.teamscpe.emulator.Scenario.Meeting;
import io.teamscpe.emulator.Scenario.Tenant;
import io.teamscpe.emulator.Scenario.User;
import io.teamscpe.emulator.http.QueryString;
import io.teamscpe.emulator.http.Request;
import io.teamscpe.emulator.http.Response;
import io.teamscpe.emulator.http.Router;
import io.teamscpe.emulator.json.Json;
import io.teamscpe.emulator.state.EditRefused;
import io.teamscpe.emulator.state.ScenarioEdits;
import io.teamscpe.emulator.state.ScenarioEdits.PlacedMeeting;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Control endpoints that add or remove one tenant, user, online meeting or attendance report, leaving the rest of
 * the scenario as it is. Bodies have the scenario JSON's shapes; an add answers 201 with a summary and a
 * {@code Location}, a removal 204. Refusals: 400 {@code invalid_request}, 404 {@code not_found}, 409
 * {@code conflict}, as {@code {"error", "error_description"}}.
 */
public final class ScenarioEditApi {

    private static final String TENANTS = "/_emulator/tenants";
    private static final String MEETINGS = "/_emulator/meetings";

    private final ScenarioEdits edits;

    public ScenarioEditApi(ScenarioEdits edits) {
        this.edits = edits;
    }

    public void register(Router router) {
        router.post(TENANTS, this::addTenant)
                .delete(TENANTS + "/{tenant}", r -> removed(() -> edits.removeTenant(r.pathVar("tenant"))))
                .post(TENANTS + "/{tenant}/users", this::addUser)
                .delete(TENANTS + "/{tenant}/users/{user}",
                        r -> removed(() -> edits.removeUser(r.pathVar("tenant"), r.pathVar("user"))))
                .post(MEETINGS, this::addMeeting)
                .delete(MEETINGS + "/{meeting}", r -> removed(() -> edits.removeMeeting(tenantParam(r),
                        r.pathVar("meeting"))))
                .post(MEETINGS + "/{meeting}/attendanceReports", this::addReport)
                .delete(MEETINGS + "/{meeting}/attendanceReports/{report}", r -> removed(() ->
                        edits.removeAttendanceReport(tenantParam(r), r.pathVar("meeting"), r.pathVar("report"))));
    }

    /** Body: a scenario tenant (apps, users and meetings included). */
    private Response addTenant(Request request) {
        return added(request, Tenant.class, tenant -> {
            Tenant added = edits.addTenant(tenant);
            return created(TENANTS + "/" + enc(added.id()), ControlApi.tenantSummary(added));
        });
    }

    /** Body: a scenario user. */
    private Response addUser(Request request) {
        return added(request, User.class, user -> {
            String tenantId = request.pathVar("tenant");
            User added = edits.addUser(tenantId, user);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("tenantId", tenantId);
            body.putAll(Json.mapper().convertValue(added, Map.class));
            return created(TENANTS + "/" + enc(tenantId) + "/users/" + enc(added.id()), body);
        });
    }

    /** Body: a scenario meeting plus an optional {@code tenantId} (default: the organizer's tenant). */
    private Response addMeeting(Request request) {
        return added(request, Meeting.class, meeting -> {
            String tenantId = Json.read(request.body(), TenantRef.class).tenantId();
            PlacedMeeting placed = edits.addMeeting(tenantId, meeting);
            return created(MEETINGS + "/" + enc(meeting.id()), meetingSummary(placed));
        });
    }

    /** Body: a scenario attendance report with its records; {@code ?tenantId=} narrows the meeting's lookup. */
    private Response addReport(Request request) {
        return added(request, AttendanceReport.class, report -> {
            PlacedMeeting placed = edits.addAttendanceReport(tenantParam(request), request.pathVar("meeting"), report);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("tenantId", placed.tenantId());
            body.put("meetingId", placed.meeting().id());
            body.put("id", report.id());
            body.put("availableAt", report.availableAt());
            body.put("attendanceRecords", report.records().size());
            return created(MEETINGS + "/" + enc(placed.meeting().id()) + "/attendanceReports/" + enc(report.id()),
                    body);
        });
    }

    private static Map<String, Object> meetingSummary(PlacedMeeting placed) {
        Meeting meeting = placed.meeting();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenantId", placed.tenantId());
        body.put("id", meeting.id());
        body.put("organizerId", meeting.organizerId());
        body.put("joinWebUrl", meeting.joinWebUrl());
        body.put("subject", meeting.subject());
        body.put("virtualEvent", meeting.virtualEvent());
        body.put("attendanceReports", meeting.attendanceReports().size());
        body.put("attendanceRecords", meeting.attendanceReports().stream().mapToInt(r -> r.records().size()).sum());
        return body;
    }

    private static <T> Response added(Request request, Class<T> type, Function<T, Response> add) {
        T body;
        try {
            body = Json.read(request.body(), type);
        } catch (IllegalArgumentException e) {
            return error(400, "invalid_request", e.getMessage());
        }
        try {
            return add.apply(body);
        } catch (EditRefused e) {
            return error(e.status(), e.error(), e.getMessage());
        }
    }

    private static Response removed(Runnable remove) {
        try {
            remove.run();
            return Response.empty(204);
        } catch (EditRefused e) {
            return error(e.status(), e.error(), e.getMessage());
        }
    }

    private static Response created(String location, Map<String, Object> body) {
        return Response.json(201, body).withHeader("Location", location);
    }

    private static Response error(int status, String code, String message) {
        return Response.json(status, Map.of("error", code, "error_description", message));
    }

    private static String tenantParam(Request request) {
        return request.queryParam("tenantId").filter(t -> !t.isBlank()).orElse(null);
    }

    private static String enc(String segment) {
        return QueryString.encode(segment);
    }

    /** The {@code tenantId} of a meeting body. */
    record TenantRef(String tenantId) {
    }
}
