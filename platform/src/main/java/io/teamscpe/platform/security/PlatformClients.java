package io.teamscpe.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The suite's own OAuth clients, told apart from firm users by the client the token was issued to ({@code azp}),
 * never by a role a firm's identity provider could put in a user's token. The roles {@code cpe-service} and
 * {@code cpe-operator} belong to these clients alone: this augmentor removes them from every other identity, and
 * gives each client only its own role.
 */
@Singleton
public class PlatformClients implements SecurityIdentityAugmentor {
    public static final String SERVICE_ROLE = "cpe-service";
    public static final String OPERATOR_ROLE = "cpe-operator";

    private final SecurityConfig config;

    public PlatformClients(SecurityConfig config) {
        this.config = config;
    }

    /** A token of one of the suite's own clients: its {@code azp} is one of them and it names no firm. */
    public boolean isPlatformClient(SecurityIdentity identity) {
        return kind(identity) != Kind.FIRM_USER;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> roles = new HashSet<>(identity.getRoles());
        switch (kind(identity)) {
            case SERVICE -> roles.retainAll(Set.of(SERVICE_ROLE));
            case OPERATOR -> roles.retainAll(Set.of(OPERATOR_ROLE));
            case FIRM_USER -> roles.removeAll(Set.of(SERVICE_ROLE, OPERATOR_ROLE));
        }
        if (roles.equals(identity.getRoles())) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addPermissionChecker(identity::checkPermission)
                .addRoles(roles)
                .setAnonymous(false);
        return Uni.createFrom().item(builder.build());
    }

    enum Kind { SERVICE, OPERATOR, FIRM_USER }

    private Kind kind(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token) || token.containsClaim(FirmContext.FIRM_CLAIM)) {
            return Kind.FIRM_USER;
        }
        Object azp = token.getClaim("azp");
        if (azp == null) {
            return Kind.FIRM_USER;
        }
        String client = azp instanceof jakarta.json.JsonString json ? json.getString() : azp.toString();
        if (config.serviceClients().contains(client)) {
            return Kind.SERVICE;
        }
        return config.operatorClients().contains(client) ? Kind.OPERATOR : Kind.FIRM_USER;
    }
}
