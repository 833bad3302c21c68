package io.teamscpe.emulator.graph;

import io.teamscpe.emulator.Scenario.User;

/** Resolves the {@code {user-id}} of a Graph path, where null stands for {@code /me}. */
public final class MeUser {

    private MeUser() {
    }

    /**
     * The user named in the path (object id or UPN), or the signed-in user for {@code /me}.
     *
     * @throws GraphError 400 for {@code /me} with an app-only token, 404 for an unknown user
     */
    public static User resolve(GraphCaller caller, String userIdOrUpn) {
        if (userIdOrUpn == null) {
            if (caller.appOnly()) {
                throw GraphError.badRequest("/me request is only valid with delegated authentication flow.");
            }
            return caller.tenant().user(caller.delegatedUserId())
                    .orElseThrow(() -> GraphError.userNotFound(caller.delegatedUserId()));
        }
        return caller.tenant().user(userIdOrUpn).orElseThrow(() -> GraphError.userNotFound(userIdOrUpn));
    }
}
