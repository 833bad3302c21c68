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

    /** How often a replica renews the heartbeat of the fetches it has accepted (queued or running). */
    @WithDefault("20s")
    String heartbeatInterval();

    /** A fetch that failed transiently (database or broker unreachable) is tried again this long after. */
    @WithDefault("PT30S")
    Duration transientRetryDelay();

    /** Largest Teams attendance file accepted by the manual upload. */
    @WithDefault("20971520")
    long uploadMaxBytes();

    /**
     * How long a fetch holds its session without a heartbeat (its replica renews it every heartbeat interval while
     * the fetch is queued or running, and each Graph page renews it too): after that, its replica is taken to have
     * died (killed, or its fetch lost to a database outage) and the scheduler of any replica starts it again.
     */
    @WithDefault("PT2M")
    Duration fetchLease();

    /** Sessions one replica fetches at the same time (all within the provider's Graph budget, GraphBudget). */
    @WithDefault("4")
    int concurrentFetches();
}
