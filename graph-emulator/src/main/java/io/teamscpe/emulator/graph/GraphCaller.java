package io.teamscpe.emulator.graph;

import io.teamscpe.emulator.Scenario.App;
import io.teamscpe.emulator.state.Directory.TenantView;
import java.util.Set;

/**
 * Who calls Graph, from a verified access token: the tenant (token {@code tid}), the app ({@code appid}), its
 * permissions (application permissions from {@code roles}, or delegated ones from {@code scp}) and, for delegated
 * tokens, the signed-in user.
 *
 * @param app the app registration, or null when it was removed from the scenario after the token was issued
 * @param delegatedUserId the signed-in user's object id, or null for app-only tokens
 */
public record GraphCaller(TenantView tenant, String appId, App app, Set<String> permissions, String delegatedUserId) {

    public boolean appOnly() {
        return delegatedUserId == null;
    }

    /** True when the token carries any of these permissions. */
    public boolean hasAnyPermission(String... candidates) {
        for (String candidate : candidates) {
            if (permissions.stream().anyMatch(candidate::equalsIgnoreCase)) {
                return true;
            }
        }
        return false;
    }
}
