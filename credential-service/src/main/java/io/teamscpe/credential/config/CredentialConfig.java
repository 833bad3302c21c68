package io.teamscpe.credential.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "teamscpe.credentials")
public interface CredentialConfig {
    /** Base64 of the 32-byte master key wrapping every data key (a Kubernetes Secret in production). */
    String masterKey();

    /** A secret expiring within this many days makes its provider EXPIRING. */
    @WithDefault("30")
    int expiryWarningDays();

    /** Tokens are reissued this many seconds before they expire. */
    @WithDefault("300")
    int tokenRefreshMarginSeconds();
}
