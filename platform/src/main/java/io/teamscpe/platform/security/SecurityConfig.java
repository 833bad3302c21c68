package io.teamscpe.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

@ConfigMapping(prefix = "teamscpe.security")
public interface SecurityConfig {
    /** OAuth client ids of the services themselves (client-credentials tokens); only they may call /internal. */
    @WithDefault("teamscpe-services")
    Set<String> serviceClients();

    /** OAuth client ids of operators (key rotation, dead-letter redrive); never a firm user. */
    @WithDefault("teamscpe-operator")
    Set<String> operatorClients();
}
