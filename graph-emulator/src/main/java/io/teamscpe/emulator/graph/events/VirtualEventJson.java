package io.teamscpe.emulator.graph.events;

import io.teamscpe.emulator.Scenario.Meeting;
import io.teamscpe.emulator.Scenario.User;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** virtualEventWebinar, virtualEventTownhall and virtualEventSession (summary) in Graph v1.0's JSON shape. */
final class VirtualEventJson {

    /** Graph's dateTimeTimeZone: local time with seven fractional digits, zone named separately. */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");

    private VirtualEventJson() {
    }

    static String odataType(String virtualEvent) {
        return Meeting.TOWNHALL.equals(virtualEvent) ? "virtualEventTownhall" : "virtualEventWebinar";
    }

    static Map<String, Object> event(Meeting meeting, User organizer, String tenantId) {
        boolean townhall = Meeting.TOWNHALL.equals(meeting.virtualEvent());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.type", "#microsoft.graph." + odataType(meeting.virtualEvent()));
        json.put("id", meeting.virtualEventId(tenantId));
        json.put("status", "published");
        json.put("displayName", meeting.subject());
        json.put("description", Map.of("contentType", "text", "content", String.valueOf(meeting.subject())));
        json.put("startDateTime", dateTimeTimeZone(meeting.startDateTime()));
        json.put("endDateTime", dateTimeTimeZone(meeting.endDateTime()));
        json.put("createdBy", createdBy(organizer, tenantId));
        json.put("audience", townhall ? "organization" : "everyone");
        json.put("coOrganizers", List.of());
        json.put("settings", Map.of("isAttendeeEmailNotificationEnabled", false));
        if (townhall) {
            json.put("isInviteOnly", false);
            json.put("invitedAttendees", List.of());
        }
        return json;
    }

    /** The session summary Graph lists: only id, subject, join URL, start and end are filled in. */
    static Object session(Meeting meeting) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.type", "#microsoft.graph.virtualEventSession");
        json.put("id", meeting.id());
        json.put("startDateTime", dateTimeTimeZone(meeting.startDateTime()));
        json.put("endDateTime", dateTimeTimeZone(meeting.endDateTime()));
        json.put("joinWebUrl", meeting.joinWebUrl());
        json.put("subject", meeting.subject());
        json.put("isBroadcast", null);
        json.put("chatInfo", null);
        json.put("joinMeetingIdSettings", null);
        json.put("allowedPresenters", null);
        return json;
    }

    private static Map<String, Object> dateTimeTimeZone(Instant instant) {
        if (instant == null) {
            return null;
        }
        return Map.of("dateTime", DATE_TIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)),
                "timeZone", "UTC");
    }

    private static Map<String, Object> createdBy(User organizer, String tenantId) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("@odata.type", "#microsoft.graph.communicationsUserIdentity");
        user.put("id", organizer.id());
        user.put("displayName", organizer.displayName());
        user.put("tenantId", tenantId);
        Map<String, Object> identitySet = new LinkedHashMap<>();
        identitySet.put("application", null);
        identitySet.put("device", null);
        identitySet.put("user", user);
        return identitySet;
    }
}
