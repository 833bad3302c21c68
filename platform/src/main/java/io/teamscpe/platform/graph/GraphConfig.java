package io.teamscpe.platform.graph;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How every service talks to Microsoft Graph: where, how patiently, and within which request budget. */
@ConfigMapping(prefix = "teamscpe.graph")
public interface GraphConfig {
    /** Graph's v1.0 root: Microsoft's, or the emulator's. */
    @WithDefault("https://graph.microsoft.com/v1.0")
    String baseUrl();

    /** A Graph response slower than this counts as a timeout and is retried. */
    @WithDefault("PT30S")
    Duration readTimeout();

    Retry retry();

    Budget budget();

    interface Retry {
        /** Attempts per Graph request, the first included (429, 503, 504, timeouts and one 401 are retried). */
        @WithDefault("8")
        int maxAttempts();

        /** First backoff for 503/504/timeouts without Retry-After; doubles per attempt, ±50 % jitter. */
        @WithDefault("PT0.5S")
        Duration baseDelay();

        /** Longest single wait, Retry-After included (a longer Retry-After fails the request instead). */
        @WithDefault("PT2M")
        Duration maxDelay();
    }

    /**
     * Graph allows 5,000 meeting/attendance requests per 10 s per app across all tenants; each service takes a share
     * (attendance the most), so the suite as a whole stays under it. Divide by the replica count when scaling out.
     */
    interface Budget {
        /** Requests this process may send per {@link #window()} for one provider (app registration). */
        @WithDefault("1000")
        int requests();

        @WithDefault("PT10S")
        Duration window();
    }
}
