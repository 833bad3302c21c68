package io.teamscpe.credential.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "teamscpe.credentials")
public interface CredentialConfig {
    /** Base64 of the 32-byte master key wrapping every data key (a Kubernetes Secret in production). */
    String masterKey();

    /** Earlier master keys (base64), still accepted for opening until {@code POST /internal/keys/rotate} re-wraps. */
    Optional<List<String>> previousMasterKeys();

    /** A secret expiring within this many days makes its provider EXPIRING. */
    @WithDefault("30")
    int expiryWarningDays();

    /** Tokens are reissued this many seconds before they expire. */
    @WithDefault("300")
    int tokenRefreshMarginSeconds();

    /** Public base URL of the site the organizer's browser returns to; the OAuth redirect URI is built from it. */
    String siteBaseUrl();

    /** The LMS page that shows the outcome of an organizer sign-in ({@code ?provider=&outcome=&reason=}). */
    String lmsOutcomeUrl();

    /** How long an organizer sign-in link (its {@code state}) stays usable. */
    @WithDefault("PT10M")
    Duration consentStateTtl();

    /** Cron of the daily secret expiry check ({@code off} disables it). */
    @WithDefault("0 0 6 * * ?")
    String expiryCheckCron();

    /** Users per page of the organizer directory. */
    @WithDefault("25")
    int organizerPageSize();
}
