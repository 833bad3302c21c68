package io.teamscpe.attendance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "teamscpe.attendance")
public interface IngestConfig {
    /** First automatic fetch: this long after the session's scheduled end. */
    @WithDefault("PT15M")
    Duration firstFetchDelay();

    /** Retry delay while no report covers the session; doubles each time up to {@link #maxRetryDelay()}. */
    @WithDefault("PT10M")
    Duration retryDelay();

    @WithDefault("PT1H")
    Duration maxRetryDelay();

    /** How often the scheduler looks for due fetches (read by the scheduler's expression). */
    @WithDefault("60s")
    String schedulerInterval();

    /** Stop waiting for a report this long after the session's end (Teams publishes within ~2 hours). */
    @WithDefault("PT6H")
    Duration horizon();

    /**
     * A FETCHING job whose heartbeat is older than this is taken to have died with its replica (killed, or its
     * fetch lost to a database outage) and is started again by the scheduler of any replica.
     */
    @WithDefault("PT2M")
    Duration staleFetch();

    /** How often a replica renews the heartbeat of the fetches it has accepted (queued or running). */
    @WithDefault("20s")
    String heartbeatInterval();

    /** A fetch that failed transiently (database or broker unreachable) is tried again this long after. */
    @WithDefault("PT30S")
    Duration transientRetryDelay();

    /** Largest Teams attendance file accepted by the manual upload. */
    @WithDefault("20971520")
    long uploadMaxBytes();
}
