package io.teamscpe.emulator.state;

import io.teamscpe.emulator.Scenario;
import io.teamscpe.emulator.Scenario.AttendanceReport;
import io.teamscpe.emulator.Scenario.Meeting;
import io.teamscpe.emulator.Scenario.Tenant;
import io.teamscpe.emulator.Scenario.User;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Adds or removes one tenant, user, online meeting or attendance report without touching the rest of the
 * scenario, so several testers can share one emulator. Each edit is one atomic {@link EmulatorState#update}:
 * concurrent edits never lose each other. Tenant ids, user ids/UPNs and report ids compare case-insensitively
 * (as Graph does), meeting ids exactly. Refusals are {@link EditRefused}: 400 invalid, 404 unknown, 409 exists.
 */
public final class ScenarioEdits {

    private final EmulatorState state;

    public ScenarioEdits(EmulatorState state) {
        this.state = state;
    }

    /** A meeting with the tenant it is in. */
    public record PlacedMeeting(String tenantId, Meeting meeting) {
    }

    /** Adds a tenant (with its apps, users and meetings); 409 if a tenant with its id exists. */
    public Tenant addTenant(Tenant tenant) {
        String id = required(tenant == null ? null : tenant.id(), "tenant id");
        state.update(s -> {
            if (findTenant(s, id) != null) {
                throw EditRefused.conflict("tenant '" + id + "' already exists");
            }
            return withTenants(s, plus(s.tenants(), tenant));
        });
        return tenant;
    }

    /** Removes a tenant with everything in it; 404 if unknown. */
    public Tenant removeTenant(String tenantId) {
        Tenant[] removed = new Tenant[1];
        state.update(s -> {
            removed[0] = tenant(s, tenantId);
            return withTenants(s, without(s.tenants(), t -> t == removed[0]));
        });
        return removed[0];
    }

    /** Adds a directory user to a tenant; 404 if the tenant is unknown, 409 if its id or UPN is taken there. */
    public User addUser(String tenantId, User user) {
        String id = required(user == null ? null : user.id(), "user id");
        state.update(s -> {
            Tenant tenant = tenant(s, tenantId);
            for (User existing : tenant.users()) {
                if (id.equalsIgnoreCase(existing.id()) || sameUpn(existing, user)) {
                    throw EditRefused.conflict("tenant '" + tenant.id() + "' already has a user with id '"
                            + existing.id() + "' or user principal name '" + existing.userPrincipalName() + "'");
                }
            }
            return replace(s, tenant, new Tenant(tenant.id(), tenant.displayName(), tenant.apps(),
                    plus(tenant.users(), user), tenant.meetings()));
        });
        return user;
    }

    /** Removes a user (by id or UPN) from a tenant; the meetings they organize stay; 404 if unknown. */
    public User removeUser(String tenantId, String userIdOrUpn) {
        required(userIdOrUpn, "user id");
        User[] removed = new User[1];
        state.update(s -> {
            Tenant tenant = tenant(s, tenantId);
            removed[0] = tenant.users().stream().filter(u -> userIdOrUpn.equalsIgnoreCase(u.id())
                            || userIdOrUpn.equalsIgnoreCase(u.userPrincipalName())).findFirst()
                    .orElseThrow(() -> EditRefused.notFound("tenant '" + tenant.id() + "' has no user '"
                            + userIdOrUpn + "'"));
            return replace(s, tenant, new Tenant(tenant.id(), tenant.displayName(), tenant.apps(),
                    without(tenant.users(), u -> u == removed[0]), tenant.meetings()));
        });
        return removed[0];
    }

    /**
     * Adds an online meeting (with its reports) to the tenant, or, when {@code tenantId} is null, to the one tenant
     * that has a user whose object id is its {@code organizerId}. 409 if a meeting with its id, or its join URL,
     * exists in any tenant.
     */
    public PlacedMeeting addMeeting(String tenantId, Meeting meeting) {
        String id = required(meeting == null ? null : meeting.id(), "meeting id");
        PlacedMeeting[] placed = new PlacedMeeting[1];
        state.update(s -> {
            Tenant tenant = tenantId != null ? tenant(s, tenantId) : organizersTenant(s, meeting.organizerId());
            for (Tenant t : s.tenants()) {
                for (Meeting existing : t.meetings()) {
                    if (id.equals(existing.id()) || (meeting.joinWebUrl() != null
                            && meeting.joinWebUrl().equals(existing.joinWebUrl()))) {
                        throw EditRefused.conflict("tenant '" + t.id() + "' already has a meeting with id '"
                                + existing.id() + "' or join URL '" + existing.joinWebUrl() + "'");
                    }
                }
            }
            placed[0] = new PlacedMeeting(tenant.id(), meeting);
            return replace(s, tenant, withMeetings(tenant, plus(tenant.meetings(), meeting)));
        });
        return placed[0];
    }

    /** Removes a meeting with its reports; {@code tenantId} (may be null) narrows the search; 404 if unknown. */
    public PlacedMeeting removeMeeting(String tenantId, String meetingId) {
        PlacedMeeting[] removed = new PlacedMeeting[1];
        state.update(s -> {
            removed[0] = meeting(s, tenantId, meetingId);
            Tenant tenant = tenant(s, removed[0].tenantId());
            return replace(s, tenant, withMeetings(tenant, without(tenant.meetings(), m -> m == removed[0].meeting())));
        });
        return removed[0];
    }

    /** Adds an attendance report to a meeting; 404 if the meeting is unknown, 409 if its id exists. */
    public PlacedMeeting addAttendanceReport(String tenantId, String meetingId, AttendanceReport report) {
        String id = required(report == null ? null : report.id(), "attendance report id");
        return editReports(tenantId, meetingId, reports -> {
            if (reports.stream().anyMatch(r -> id.equalsIgnoreCase(r.id()))) {
                throw EditRefused.conflict("meeting '" + meetingId + "' already has attendance report '" + id + "'");
            }
            return plus(reports, report);
        });
    }

    /** Removes an attendance report with its records; 404 if the meeting or the report is unknown. */
    public PlacedMeeting removeAttendanceReport(String tenantId, String meetingId, String reportId) {
        required(reportId, "attendance report id");
        return editReports(tenantId, meetingId, reports -> {
            if (reports.stream().noneMatch(r -> reportId.equalsIgnoreCase(r.id()))) {
                throw EditRefused.notFound("meeting '" + meetingId + "' has no attendance report '" + reportId + "'");
            }
            return without(reports, r -> reportId.equalsIgnoreCase(r.id()));
        });
    }

    private PlacedMeeting editReports(String tenantId, String meetingId,
                                      UnaryOperator<List<AttendanceReport>> edit) {
        PlacedMeeting[] edited = new PlacedMeeting[1];
        state.update(s -> {
            PlacedMeeting found = meeting(s, tenantId, meetingId);
            Meeting m = found.meeting();
            Meeting changed = new Meeting(m.id(), m.organizerId(), m.joinWebUrl(), m.subject(), m.startDateTime(),
                    m.endDateTime(), m.creationDateTime(), m.isBroadcast(), m.chatThreadId(),
                    edit.apply(m.attendanceReports()), m.virtualEvent());
            Tenant tenant = tenant(s, found.tenantId());
            edited[0] = new PlacedMeeting(tenant.id(), changed);
            return replace(s, tenant, withMeetings(tenant,
                    tenant.meetings().stream().map(x -> x == m ? changed : x).toList()));
        });
        return edited[0];
    }

    private static PlacedMeeting meeting(Scenario s, String tenantId, String meetingId) {
        required(meetingId, "meeting id");
        List<Tenant> scope = tenantId == null ? s.tenants() : List.of(tenant(s, tenantId));
        List<PlacedMeeting> found = scope.stream().flatMap(t -> t.meetings().stream()
                .filter(m -> meetingId.equals(m.id())).map(m -> new PlacedMeeting(t.id(), m))).toList();
        if (found.isEmpty()) {
            throw EditRefused.notFound("no meeting '" + meetingId + "'"
                    + (tenantId == null ? "" : " in tenant '" + tenantId + "'"));
        }
        if (found.size() > 1) {
            throw EditRefused.invalid("meeting '" + meetingId + "' exists in several tenants: pass tenantId");
        }
        return found.get(0);
    }

    private static Tenant organizersTenant(Scenario s, String organizerId) {
        if (organizerId == null || organizerId.isBlank()) {
            throw EditRefused.invalid("tenantId or organizerId is required");
        }
        List<Tenant> tenants = s.tenants().stream()
                .filter(t -> t.users().stream().anyMatch(u -> organizerId.equalsIgnoreCase(u.id()))).toList();
        if (tenants.isEmpty()) {
            throw EditRefused.notFound("no tenant has a user '" + organizerId + "' (the organizer): add the user"
                    + " first or pass tenantId");
        }
        if (tenants.size() > 1) {
            throw EditRefused.invalid("several tenants have a user '" + organizerId + "': pass tenantId");
        }
        return tenants.get(0);
    }

    private static Tenant findTenant(Scenario s, String tenantId) {
        return s.tenants().stream().filter(t -> tenantId.equalsIgnoreCase(t.id())).findFirst().orElse(null);
    }

    private static Tenant tenant(Scenario s, String tenantId) {
        Tenant tenant = tenantId == null ? null : findTenant(s, tenantId);
        if (tenant == null) {
            throw EditRefused.notFound("no tenant '" + tenantId + "'");
        }
        return tenant;
    }

    private static boolean sameUpn(User a, User b) {
        return a.userPrincipalName() != null && a.userPrincipalName().equalsIgnoreCase(b.userPrincipalName());
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw EditRefused.invalid(what + " is required");
        }
        return value;
    }

    private static Scenario withTenants(Scenario s, List<Tenant> tenants) {
        return new Scenario(tenants, s.graphPageSize(), s.tokenLifetimeSeconds());
    }

    private static Scenario replace(Scenario s, Tenant old, Tenant changed) {
        return withTenants(s, s.tenants().stream().map(t -> t == old ? changed : t).toList());
    }

    private static Tenant withMeetings(Tenant t, List<Meeting> meetings) {
        return new Tenant(t.id(), t.displayName(), t.apps(), t.users(), meetings);
    }

    private static <T> List<T> plus(List<T> list, T item) {
        return Stream.concat(list.stream(), Stream.of(Objects.requireNonNull(item))).toList();
    }

    private static <T> List<T> without(List<T> list, Predicate<T> drop) {
        return list.stream().filter(drop.negate()).toList();
    }
}
