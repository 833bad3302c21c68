package io.teamscpe.emulator.graph.users;

import io.teamscpe.emulator.Scenario.User;
import io.teamscpe.emulator.graph.GraphApi;
import io.teamscpe.emulator.graph.GraphCaller;
import io.teamscpe.emulator.graph.GraphError;
import io.teamscpe.emulator.graph.MeUser;
import io.teamscpe.emulator.graph.Paging;
import io.teamscpe.emulator.http.Request;
import io.teamscpe.emulator.http.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** {@code GET /v1.0/users/{id | userPrincipalName}}, {@code /me}, and {@code GET /v1.0/users} with $search, $filter, $top. */
public final class UsersApi {

    private static final String[] READ_ROLES = {"User.Read.All", "User.ReadWrite.All", "User.ReadBasic.All",
        "Directory.Read.All", "Directory.ReadWrite.All"};
    private static final String[] ME_SCOPES = {"User.Read", "User.ReadWrite", "User.ReadBasic.All", "User.Read.All",
        "Directory.Read.All"};

    private final GraphApi graph;

    public UsersApi(GraphApi graph) {
        this.graph = graph;
    }

    public void register(Router router) {
        graph.get(router, "/users", this::list);
        graph.get(router, "/users/{user}", this::get);
        graph.get(router, "/me", this::get);
    }

    private Object get(Request request, GraphCaller caller) {
        String id = request.pathVar("user");
        boolean self = id == null || (!caller.appOnly() && id.equalsIgnoreCase(caller.delegatedUserId()));
        if (!(self && caller.hasAnyPermission(ME_SCOPES))) {
            requireReadRole(caller);
        }
        User user = MeUser.resolve(caller, id);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.context", GraphApi.METADATA + "users/$entity");
        json.putAll(toJson(user));
        return json;
    }

    private Object list(Request request, GraphCaller caller) {
        requireReadRole(caller);
        Predicate<User> matches = UserQuery.search(request.odata("search").orElse(null))
                .and(UserQuery.filter(request.odata("filter").orElse(null)));
        List<User> users = caller.tenant().users().stream().filter(matches).toList();
        return Paging.page(request, graph.state().baseUrl(), GraphApi.METADATA + "users", users,
                graph.state().directory().graphPageSize(), UsersApi::toJson);
    }

    private static void requireReadRole(GraphCaller caller) {
        if (!caller.hasAnyPermission(READ_ROLES)) {
            throw new GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the"
                    + " operation. The app needs the application permission User.Read.All (with admin consent).");
        }
    }

    /** A user as Graph's default projection shows it. */
    static Map<String, Object> toJson(User user) {
        String[] names = splitName(user.displayName());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("businessPhones", List.of());
        json.put("displayName", user.displayName());
        json.put("givenName", user.givenName() != null ? user.givenName() : names[0]);
        json.put("jobTitle", user.jobTitle());
        json.put("mail", user.mail());
        json.put("mobilePhone", null);
        json.put("officeLocation", null);
        json.put("preferredLanguage", "en-US");
        json.put("surname", user.surname() != null ? user.surname() : names[1]);
        json.put("userPrincipalName", user.userPrincipalName());
        json.put("id", user.id());
        return json;
    }

    private static String[] splitName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return new String[] {null, null};
        }
        String trimmed = displayName.trim();
        int space = trimmed.lastIndexOf(' ');
        return space < 0 ? new String[] {trimmed, null}
                : new String[] {trimmed.substring(0, space), trimmed.substring(space + 1)};
    }
}
