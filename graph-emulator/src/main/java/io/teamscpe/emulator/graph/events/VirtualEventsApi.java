package io.teamscpe.emulator.graph.events;

import io.teamscpe.emulator.Scenario.Meeting;
import io.teamscpe.emulator.graph.GraphApi;
import io.teamscpe.emulator.graph.GraphCaller;
import io.teamscpe.emulator.graph.GraphError;
import io.teamscpe.emulator.graph.Paging;
import io.teamscpe.emulator.graph.meetings.OrganizerAccess;
import io.teamscpe.emulator.graph.meetings.OrganizerAccess.Organizer;
import io.teamscpe.emulator.http.Request;
import io.teamscpe.emulator.http.Router;
import java.util.List;
import java.util.Map;

/**
 * Teams webinars and town halls: {@code /solutions/virtualEvents/{webinars|townhalls}/getByUserIdAndRole(...)}
 * (application or delegated), {@code .../getByUserRole(role='organizer')} (delegated) and
 * {@code .../{id}/sessions}. Each event is one scenario meeting with {@code virtualEvent} set, and its single
 * session is that online meeting (same id and join URL). Application tokens need an access policy covering the
 * organizer, exactly as for online meetings.
 */
public final class VirtualEventsApi {

    /** {@code VirtualEvent.Read.All} for apps, {@code VirtualEvent.Read}/{@code ReadWrite} for signed-in users. */
    static final String[] READ_PERMISSIONS = {"VirtualEvent.Read.All", "VirtualEvent.Read", "VirtualEvent.ReadWrite"};

    private static final Map<String, String> COLLECTIONS = Map.of("webinars", Meeting.WEBINAR,
            "townhalls", Meeting.TOWNHALL);

    private final GraphApi graph;

    public VirtualEventsApi(GraphApi graph) {
        this.graph = graph;
    }

    public void register(Router router) {
        COLLECTIONS.forEach((collection, type) -> {
            String base = "/solutions/virtualEvents/" + collection;
            graph.get(router, base + "/getByUserIdAndRole(userId,role)",
                    (request, caller) -> events(request, caller, type, request.pathVar("userId")));
            graph.get(router, base + "/getByUserRole(role)", (request, caller) -> {
                if (caller.appOnly()) {
                    throw GraphError.forbidden("getByUserRole lists the signed-in user's events and needs a"
                            + " delegated token; with application permissions use getByUserIdAndRole(userId='{id}',"
                            + "role='organizer').");
                }
                return events(request, caller, type, caller.delegatedUserId());
            });
            graph.get(router, base + "/{event}/sessions", (request, caller) -> sessions(request, caller, type,
                    collection));
        });
    }

    private Object events(Request request, GraphCaller caller, String type, String userId) {
        Organizer organizer = OrganizerAccess.check(caller, userId, READ_PERMISSIONS);
        String role = request.pathVar("role");
        List<Meeting> events;
        if ("organizer".equalsIgnoreCase(role)) {
            events = organizer.meetings().stream().filter(m -> type.equals(m.virtualEvent())).toList();
        } else if ("coOrganizer".equalsIgnoreCase(role)) {
            events = List.of(); // the scenario has no co-organizers
        } else {
            throw GraphError.badRequest("Invalid role '" + role + "': use organizer or coOrganizer.");
        }
        String tenantId = caller.tenant().id();
        return Paging.page(request, graph.state().baseUrl(),
                GraphApi.METADATA + "Collection(microsoft.graph." + VirtualEventJson.odataType(type) + ")", events,
                graph.state().directory().graphPageSize(),
                m -> VirtualEventJson.event(m, organizer.user(), tenantId));
    }

    private Object sessions(Request request, GraphCaller caller, String type, String collection) {
        OrganizerAccess.requirePermission(caller, READ_PERMISSIONS);
        String eventId = request.pathVar("event");
        String tenantId = caller.tenant().id();
        Meeting event = caller.tenant().tenant().meetings().stream()
                .filter(m -> type.equals(m.virtualEvent()) && eventId.equalsIgnoreCase(m.virtualEventId(tenantId)))
                .findFirst()
                .orElseThrow(() -> GraphError.notFound("The " + type + " '" + eventId + "' was not found."));
        OrganizerAccess.check(caller, event.organizerId(), READ_PERMISSIONS);
        return Paging.page(request, graph.state().baseUrl(), GraphApi.METADATA + "solutions/virtualEvents/"
                        + collection + "('" + eventId + "')/sessions", List.of(event),
                graph.state().directory().graphPageSize(), VirtualEventJson::session);
    }
}
