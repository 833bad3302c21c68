package io.teamscpe.emulator.state;

import io.teamscpe.emulator.Scenario;
import io.teamscpe.emulator.Scenario.App;
import io.teamscpe.emulator.Scenario.Meeting;
import io.teamscpe.emulator.Scenario.Tenant;
import io.teamscpe.emulator.Scenario.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An immutable, indexed snapshot of one {@link Scenario}; a new scenario replaces the whole snapshot at once. */
public final class Directory {

    private final Scenario scenario;
    private final Map<String, TenantView> tenants = new LinkedHashMap<>();

    public Directory(Scenario scenario) {
        this.scenario = scenario;
        for (Tenant tenant : scenario.tenants()) {
            if (tenant.id() == null || tenant.id().isBlank()) {
                throw new IllegalArgumentException("every tenant needs an id");
            }
            tenants.put(key(tenant.id()), new TenantView(tenant));
        }
    }

    public Scenario scenario() {
        return scenario;
    }

    public int graphPageSize() {
        return scenario.graphPageSize();
    }

    public int tokenLifetimeSeconds() {
        return scenario.tokenLifetimeSeconds();
    }

    /** The tenant by id (case-insensitive). */
    public Optional<TenantView> tenant(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(tenants.get(key(id)));
    }

    public List<TenantView> tenants() {
        return List.copyOf(tenants.values());
    }

    static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    /** One tenant with its apps, users (by object id and UPN) and meetings indexed. */
    public static final class TenantView {
        private final Tenant tenant;
        private final Map<String, App> apps = new LinkedHashMap<>();
        private final Map<String, User> usersById = new LinkedHashMap<>();
        private final Map<String, User> usersByUpn = new LinkedHashMap<>();

        TenantView(Tenant tenant) {
            this.tenant = tenant;
            tenant.apps().stream().filter(a -> a.clientId() != null).forEach(a -> apps.put(key(a.clientId()), a));
            for (User user : tenant.users()) {
                if (user.id() != null) {
                    usersById.put(key(user.id()), user);
                }
                if (user.userPrincipalName() != null) {
                    usersByUpn.put(key(user.userPrincipalName()), user);
                }
            }
        }

        public String id() {
            return tenant.id();
        }

        public Tenant tenant() {
            return tenant;
        }

        public Optional<App> app(String clientId) {
            return clientId == null ? Optional.empty() : Optional.ofNullable(apps.get(key(clientId)));
        }

        /** A user by object id or user principal name, as Graph's {@code /users/{id | userPrincipalName}}. */
        public Optional<User> user(String idOrUpn) {
            if (idOrUpn == null) {
                return Optional.empty();
            }
            String key = key(idOrUpn);
            return Optional.ofNullable(usersById.getOrDefault(key, usersByUpn.get(key)));
        }

        public List<User> users() {
            return tenant.users();
        }

        /** The meetings organized by the user with this object id. */
        public List<Meeting> meetingsOrganizedBy(String organizerId) {
            return tenant.meetings().stream()
                    .filter(m -> m.organizerId() != null && m.organizerId().equalsIgnoreCase(organizerId))
                    .toList();
        }
    }
}
