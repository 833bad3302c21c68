package io.teamscpe.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "teamscpe.session")
public interface SessionConfig {
    /** How long before the start an enrolled professional may launch (never before the event's day starts). */
    @WithDefault("PT1H")
    Duration launchOpensBefore();

    /** Enrollees per roster chunk event: keeps each Kafka record far below 1 MB. */
    @WithDefault("500")
    int enrollmentChunkSize();

    /** Differences between the session's and Teams' times that warrant a warning. */
    @WithDefault("PT5M")
    Duration timeTolerance();
}
