package io.teamscpe.emulator;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

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
     * {@code chatThreadId} defaults to the thread in the join URL. {@code virtualEvent} is null for an ordinary
     * meeting, or {@value #WEBINAR} / {@value #TOWNHALL} when the meeting is the (single) session of that kind of
     * Teams virtual event.
     */
    public record Meeting(String id, String organizerId, String joinWebUrl, String subject, Instant startDateTime,
                          Instant endDateTime, Instant creationDateTime, boolean isBroadcast, String chatThreadId,
                          List<AttendanceReport> attendanceReports, String virtualEvent) {

        public static final String WEBINAR = "webinar";
        public static final String TOWNHALL = "townhall";

        @JsonCreator
        public Meeting {
            attendanceReports = orEmpty(attendanceReports);
            if (virtualEvent != null && !virtualEvent.isBlank()) {
                virtualEvent = virtualEvent.trim().toLowerCase(Locale.ROOT);
                if (!virtualEvent.equals(WEBINAR) && !virtualEvent.equals(TOWNHALL)) {
                    throw new IllegalArgumentException("virtualEvent must be null, \"webinar\" or \"townhall\", not \""
                            + virtualEvent + "\"");
                }
            } else {
                virtualEvent = null;
            }
        }

        /** An ordinary meeting (no virtual event). */
        public Meeting(String id, String organizerId, String joinWebUrl, String subject, Instant startDateTime,
                       Instant endDateTime, Instant creationDateTime, boolean isBroadcast, String chatThreadId,
                       List<AttendanceReport> attendanceReports) {
            this(id, organizerId, joinWebUrl, subject, startDateTime, endDateTime, creationDateTime, isBroadcast,
                    chatThreadId, attendanceReports, null);
        }

        /**
         * The id Graph gives this meeting's webinar or town hall: {@code <uuid>@<tenant id>}, the UUID derived from
         * the meeting id so it never changes; null for an ordinary meeting.
         */
        public String virtualEventId(String tenantId) {
            return virtualEvent == null ? null : virtualEventId(id, tenantId);
        }

        /** The virtual event id of the event whose session is the meeting with this id. */
        public static String virtualEventId(String meetingId, String tenantId) {
            return UUID.nameUUIDFromBytes(("virtualEvent/" + meetingId).getBytes(StandardCharsets.UTF_8)) + "@"
                    + tenantId;
        }
    }

    /**
     * An attendance report. {@code availableAt} (null: always) is when Teams publishes it: before that instant
     * (wall clock) Graph neither lists it nor finds it by id, as with reports that appear minutes after a meeting.
     */
    public record AttendanceReport(String id, Instant meetingStartDateTime, Instant meetingEndDateTime,
                                   @JsonAlias("attendanceRecords") List<AttendanceRecord> records,
                                   Instant availableAt) {
        @JsonCreator
        public AttendanceReport {
            records = orEmpty(records);
        }

        /** A report that is available from the start. */
        public AttendanceReport(String id, Instant meetingStartDateTime, Instant meetingEndDateTime,
                                List<AttendanceRecord> records) {
            this(id, meetingStartDateTime, meetingEndDateTime, records, null);
        }

        public boolean isAvailableAt(Instant now) {
            return availableAt == null || !now.isBefore(availableAt);
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
