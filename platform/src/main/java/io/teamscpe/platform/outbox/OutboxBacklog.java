package io.teamscpe.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.teamscpe.platform.jdbc.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * The outbox's unsent rows, measured every few seconds: gauges {@code teamscpe_outbox_backlog_rows} and
 * {@code teamscpe_outbox_oldest_unsent_age_seconds}, and readiness DOWN while the oldest unsent row is older than
 * {@code teamscpe.outbox.max-backlog-age} (Kafka unreachable for that long, or the relay stuck): writes are still
 * kept, but the replica says events are not leaving it.
 */
@Startup
@Readiness
@ApplicationScoped
public class OutboxBacklog implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    private final EntityManager em;
    private final Duration maxAge;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private volatile Instant oldest;

    public OutboxBacklog(EntityManager em, MeterRegistry metrics,
                         @ConfigProperty(name = "teamscpe.outbox.max-backlog-age", defaultValue = "PT5M")
                         Duration maxAge) {
        this.em = em;
        this.maxAge = maxAge;
        Gauge.builder("teamscpe.outbox.backlog.rows", rows, AtomicLong::get)
                .description("Outbox rows not yet acknowledged by Kafka").register(metrics);
        Gauge.builder("teamscpe.outbox.oldest.unsent.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest outbox row not yet acknowledged by Kafka (0 when none)")
                .baseUnit("seconds").register(metrics);
    }

    @Scheduled(every = "${teamscpe.outbox.backlog-check:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        try {
            Object[] r = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                    "select count(*), min(ce_time) from outbox_event where sent_at is null").getSingleResult());
            rows.set(((Number) r[0]).longValue());
            oldest = SqlTimes.instant(r[1]);
            oldestAgeSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now())
                    .toSeconds()));
        } catch (RuntimeException e) {
            LOG.debugf("outbox backlog not measured: %s", e.getMessage());
        }
    }

    @Override
    public HealthCheckResponse call() {
        Instant since = oldest;
        boolean stuck = since != null && since.isBefore(Instant.now().minus(maxAge));
        var response = HealthCheckResponse.named("outbox").status(!stuck).withData("unsent", rows.get());
        if (stuck) {
            response.withData("reason", "events unsent since " + since + " (longer than " + maxAge
                    + "): Kafka unreachable or the relay stuck; they are kept and sent when it recovers");
        }
        return response.build();
    }
}
