package io.teamscpe.emulator.graph.meetings;

import io.teamscpe.emulator.Scenario.Meeting;
import io.teamscpe.emulator.graph.GraphApi;
import io.teamscpe.emulator.graph.GraphCaller;
import io.teamscpe.emulator.graph.GraphError;
import io.teamscpe.emulator.graph.meetings.OrganizerAccess.Organizer;
import io.teamscpe.emulator.http.Request;
import io.teamscpe.emulator.http.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /v1.0/users/{organizer}/onlineMeetings?$filter=JoinWebUrl eq '...'} and
 * {@code GET /v1.0/users/{organizer}/onlineMeetings/{meetingId}}, and the same under {@code /me} for delegated
 * tokens.
 */
public final class OnlineMeetingsApi {

    /** Application permissions that allow reading online meetings. */
    public static final String[] READ_ROLES = {"OnlineMeetings.Read.All", "OnlineMeetings.ReadWrite.All",
        "OnlineMeetings.Read", "OnlineMeetings.ReadWrite"};

    private static final Pattern JOIN_URL_FILTER =
            Pattern.compile("(?is)^\\s*joinWebUrl\\s+eq\\s+'(.*)'\\s*$");

    private final GraphApi graph;

    public OnlineMeetingsApi(GraphApi graph) {
        this.graph = graph;
    }

    public void register(Router router) {
        for (String user : GraphApi.USER_PREFIXES) {
            graph.get(router, user + "/onlineMeetings", this::findByJoinUrl);
            graph.get(router, user + "/onlineMeetings/{meeting}", this::get);
        }
    }

    private Object findByJoinUrl(Request request, GraphCaller caller) {
        String filter = request.odata("filter").orElseThrow(() -> GraphError.badRequest(
                "Filter expression expected - /onlineMeetings?$filter=JoinWebUrl eq '{joinWebUrl}'."));
        Matcher matcher = JOIN_URL_FILTER.matcher(filter);
        if (!matcher.matches()) {
            throw GraphError.badRequest("Unsupported $filter '" + filter + "': use JoinWebUrl eq '{joinWebUrl}'"
                    + " (single quotes inside the URL doubled).");
        }
        String joinWebUrl = matcher.group(1).replace("''", "'");
        Organizer organizer = OrganizerAccess.check(caller, request.pathVar("user"), READ_ROLES);
        List<Object> value = organizer.meetings().stream()
                .filter(m -> joinWebUrl.equals(m.joinWebUrl()))
                .map(m -> (Object) MeetingJson.toJson(m, organizer.user(), caller.tenant().id()))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", GraphApi.METADATA + "users('" + organizer.user().id() + "')/onlineMeetings");
        body.put("value", value);
        return body;
    }

    private Object get(Request request, GraphCaller caller) {
        Organizer organizer = OrganizerAccess.check(caller, request.pathVar("user"), READ_ROLES);
        Meeting meeting = organizer.meeting(request.pathVar("meeting"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", GraphApi.METADATA + "users('" + organizer.user().id() + "')/onlineMeetings/$entity");
        body.putAll(MeetingJson.toJson(meeting, organizer.user(), caller.tenant().id()));
        return body;
    }
}
