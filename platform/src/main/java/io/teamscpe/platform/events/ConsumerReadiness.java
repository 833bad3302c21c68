package io.teamscpe.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while a consumer waits out a transient failure (database or broker unreachable), and says which. */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {
    private final ConsumerRetry retry;

    public ConsumerReadiness(ConsumerRetry retry) {
        this.retry = retry;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("event consumers").up();
        retry.waiting().forEach((channel, waiting) -> builder.down().withData(channel,
                "retrying since " + waiting.since() + " (" + waiting.attempts() + " attempts): " + waiting.cause()));
        return builder.build();
    }
}
