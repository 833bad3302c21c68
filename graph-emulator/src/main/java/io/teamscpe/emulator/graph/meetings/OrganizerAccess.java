package io.teamscpe.emulator.graph.meetings;

import io.teamscpe.emulator.Scenario.AccessPolicy;
import io.teamscpe.emulator.Scenario.Meeting;
import io.teamscpe.emulator.Scenario.User;
import io.teamscpe.emulator.graph.GraphCaller;
import io.teamscpe.emulator.graph.GraphError;
import io.teamscpe.emulator.graph.MeUser;
import java.util.List;

/**
 * The checks Graph makes before it shows an organizer's meetings or their artifacts to an app: the application
 * permission, the organizer's existence, and a Teams application access policy that covers the organizer.
 */
public final class OrganizerAccess {

    private OrganizerAccess() {
    }

    /** An organizer the caller may act for, with the meetings they organized. */
    public record Organizer(User user, List<Meeting> meetings) {

        /** The organizer's meeting with this id (ids compare exactly: they are case-sensitive base64). */
        public Meeting meeting(String meetingId) {
            return meetings.stream().filter(m -> meetingId.equals(m.id())).findFirst()
                    .orElseThrow(() -> GraphError.notFound("The online meeting '" + meetingId
                            + "' was not found for organizer '" + user.id() + "'."));
        }
    }

    /**
     * Checks permission, organizer and access policy, in Graph's order.
     *
     * @param organizerId the {@code {user-id}} path segment (object id or UPN), or null for {@code /me}
     * @param anyOfRoles application permissions that each allow the operation
     */
    public static Organizer check(GraphCaller caller, String organizerId, String... anyOfRoles) {
        requirePermission(caller, anyOfRoles);
        User user = MeUser.resolve(caller, organizerId);
        if (caller.appOnly() && !coveredByPolicy(caller, user)) {
            throw GraphError.forbidden("No Application Access Policy found for this app");
        }
        if (!caller.appOnly() && !user.id().equalsIgnoreCase(caller.delegatedUserId())) {
            throw GraphError.forbidden("Organizer ID in token(" + caller.delegatedUserId() + ") does not match"
                    + " organizer ID in request url(" + user.id() + "). With delegated permission only /me"
                    + " endpoint is supported.");
        }
        return new Organizer(user, caller.tenant().meetingsOrganizedBy(user.id()));
    }

    /** 403 unless the token carries one of these permissions. */
    public static void requirePermission(GraphCaller caller, String... anyOfRoles) {
        if (!caller.hasAnyPermission(anyOfRoles)) {
            throw GraphError.forbidden("Application does not have the required permission for this operation:"
                    + " grant one of the application permissions " + String.join(", ", anyOfRoles)
                    + " (with admin consent).");
        }
    }

    private static boolean coveredByPolicy(GraphCaller caller, User user) {
        AccessPolicy policy = caller.app() == null ? null : caller.app().accessPolicy();
        return policy != null && (policy.global() || policy.users().stream().anyMatch(user.id()::equalsIgnoreCase));
    }
}
