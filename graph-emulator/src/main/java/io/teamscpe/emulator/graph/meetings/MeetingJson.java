package io.teamscpe.emulator.graph.meetings;

import io.teamscpe.emulator.Scenario.Meeting;
import io.teamscpe.emulator.Scenario.User;
import io.teamscpe.emulator.http.QueryString;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/** An onlineMeeting in Graph v1.0's JSON shape. */
final class MeetingJson {

    private static final String JOIN_PATH = "/l/meetup-join/";

    private MeetingJson() {
    }

    static Map<String, Object> toJson(Meeting meeting, User organizer, String tenantId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", meeting.id());
        json.put("creationDateTime", meeting.creationDateTime() != null ? meeting.creationDateTime()
                : meeting.startDateTime());
        json.put("startDateTime", meeting.startDateTime());
        json.put("endDateTime", meeting.endDateTime());
        json.put("joinUrl", meeting.joinWebUrl());
        json.put("joinWebUrl", meeting.joinWebUrl());
        json.put("meetingCode", joinMeetingId(meeting));
        json.put("subject", meeting.subject());
        json.put("isBroadcast", meeting.isBroadcast());
        json.put("autoAdmittedUsers", "everyoneInCompany");
        json.put("outerMeetingAutoAdmittedUsers", null);
        json.put("isEntryExitAnnounced", true);
        json.put("allowedPresenters", "everyone");
        json.put("allowMeetingChat", "enabled");
        json.put("allowTeamworkReactions", true);
        json.put("allowAttendeeToEnableMic", true);
        json.put("allowAttendeeToEnableCamera", true);
        json.put("recordAutomatically", false);
        json.put("videoTeleconferenceId", null);
        json.put("externalId", null);
        json.put("broadcastSettings", null);
        json.put("joinMeetingIdSettings", Map.of("isPasscodeRequired", false, "joinMeetingId", joinMeetingId(meeting)));
        json.put("lobbyBypassSettings", Map.of("scope", "organization", "isDialInBypassEnabled", false));
        json.put("participants", participants(organizer, tenantId));
        json.put("chatInfo", chatInfo(meeting));
        json.put("joinInformation", Map.of("content", "data:text/html,%3cdiv%3eJoin+the+meeting+now%3c%2fdiv%3e",
                "contentType", "html"));
        return json;
    }

    private static Map<String, Object> participants(User organizer, String tenantId) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", organizer.id());
        user.put("displayName", organizer.displayName());
        user.put("tenantId", tenantId);
        user.put("identityProvider", "AAD");
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("application", null);
        identity.put("device", null);
        identity.put("phone", null);
        identity.put("user", user);
        Map<String, Object> organizerInfo = new LinkedHashMap<>();
        organizerInfo.put("upn", organizer.userPrincipalName());
        organizerInfo.put("role", "presenter");
        organizerInfo.put("identity", identity);
        return Map.of("organizer", organizerInfo, "attendees", List.of());
    }

    private static Map<String, Object> chatInfo(Meeting meeting) {
        Map<String, Object> chat = new LinkedHashMap<>();
        chat.put("threadId", meeting.chatThreadId() != null ? meeting.chatThreadId() : threadIdOf(meeting.joinWebUrl()));
        chat.put("messageId", "0");
        chat.put("replyChainMessageId", null);
        return chat;
    }

    /** {@code .../l/meetup-join/19%3ameeting_X%40thread.v2/0?...} → {@code 19:meeting_X@thread.v2}. */
    static String threadIdOf(String joinWebUrl) {
        if (joinWebUrl == null || !joinWebUrl.contains(JOIN_PATH)) {
            return null;
        }
        String rest = joinWebUrl.substring(joinWebUrl.indexOf(JOIN_PATH) + JOIN_PATH.length());
        int end = rest.indexOf('/');
        return QueryString.decode(end < 0 ? rest : rest.substring(0, end));
    }

    /** A stable 12-digit meeting id (the number people type to join), derived from the Graph id. */
    private static String joinMeetingId(Meeting meeting) {
        CRC32 crc = new CRC32();
        crc.update(String.valueOf(meeting.id()).getBytes(StandardCharsets.UTF_8));
        return String.format("%012d", crc.getValue() * 7919 % 1_000_000_000_000L);
    }
}
