package io.teamscpe.emulator;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything on the Microsoft side of the emulator: tenants with their app registrations, directory users and
 * Teams meetings with attendance reports. Bound from JSON by Jackson (unknown fields ignored, missing lists empty);
 * durations are never stored here, the emulator computes them from the intervals.
 *
 * @param graphPageSize default page size of paged Graph collections (attendance records, users); default 100
 * @param tokenLifetimeSeconds lifetime of the Graph access tokens the emulator issues; default 3600
 */
public record Scenario(List<Tenant> tenants, Integer graphPageSize, Integer tokenLifetimeSeconds) {

    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int DEFAULT_TOKEN_LIFETIME = 3600;

    public Scenario {
        tenants = orEmpty(tenants);
        graphPageSize = graphPageSize == null || graphPageSize < 1 ? DEFAULT_PAGE_SIZE : graphPageSize;
        tokenLifetimeSeconds = tokenLifetimeSeconds == null ? DEFAULT_TOKEN_LIFETIME : tokenLifetimeSeconds;
    }

    /** A scenario with no tenants at all. */
    public static Scenario empty() {
        return new Scenario(List.of(), null, null);
    }

    /** An Entra tenant (directory). */
    public record Tenant(String id, String displayName, List<App> apps, List<User> users, List<Meeting> meetings) {
        public Tenant {
            apps = orEmpty(apps);
            users = orEmpty(users);
            meetings = orEmpty(meetings);
        }
    }

    /**
     * An app registration with its client secrets and the application permissions it requests; they become
     * {@code roles} in its tokens only when an administrator consented. {@code redirectUris} restricts the
     * authorization-code flow's redirect URI (empty: any is accepted).
     */
    public record App(String clientId, String displayName, List<Secret> secrets, List<String> applicationPermissions,
                      boolean adminConsent, AccessPolicy accessPolicy, List<String> redirectUris) {
        @JsonCreator
        public App {
            secrets = orEmpty(secrets);
            applicationPermissions = orEmpty(applicationPermissions);
            redirectUris = orEmpty(redirectUris);
        }

        /** An app for the client-credentials flow only (any redirect URI accepted for delegated sign-in). */
        public App(String clientId, String displayName, List<Secret> secrets, List<String> applicationPermissions,
                   boolean adminConsent, AccessPolicy accessPolicy) {
            this(clientId, displayName, secrets, applicationPermissions, adminConsent, accessPolicy, List.of());
        }
    }

    /** A client secret; {@code expires} null means it never expires. */
    public record Secret(String value, Instant expires) {
    }

    /** A Teams application access policy granted to the app: for everyone ({@code global}) or listed users. */
    public record AccessPolicy(boolean global, List<String> users) {
        public AccessPolicy {
            users = orEmpty(users);
        }
    }

    public record User(String id, String displayName, String mail, String userPrincipalName, String givenName,
                       String surname, String jobTitle) {
        @JsonCreator
        public User {
        }

        public User(String id, String displayName, String mail, String userPrincipalName) {
            this(id, displayName, mail, userPrincipalName, null, null, null);
        }
    }

    /**
     * A Teams online meeting. {@code startDateTime}/{@code endDateTime} are null for "Meet Now" meetings;
     * {@code chatThreadId} defaults to the thread in the join URL.
     */
    public record Meeting(String id, String organizerId, String joinWebUrl, String subject, Instant startDateTime,
                          Instant endDateTime, Instant creationDateTime, boolean isBroadcast, String chatThreadId,
                          List<AttendanceReport> attendanceReports) {
        public Meeting {
            attendanceReports = orEmpty(attendanceReports);
        }
    }

    public record AttendanceReport(String id, Instant meetingStartDateTime, Instant meetingEndDateTime,
                                   @JsonAlias("attendanceRecords") List<AttendanceRecord> records) {
        public AttendanceReport {
            records = orEmpty(records);
        }
    }

    /** One participant's record; {@code role} is None, Attendee, Presenter or Organizer. */
    public record AttendanceRecord(String emailAddress, String role, Identity identity,
                                   @JsonAlias("attendanceIntervals") List<Interval> intervals) {
        public AttendanceRecord {
            intervals = orEmpty(intervals);
        }
    }

    /** The participant's identity: an Entra object id, or e.g. {@code teamsvisitor:...} for anonymous guests. */
    public record Identity(String id, String displayName, String tenantId) {
    }

    /** One join/leave pair; either end may be null when Teams lacks the data. */
    public record Interval(Instant joinDateTime, Instant leaveDateTime) {
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
