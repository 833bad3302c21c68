package io.teamscpe.credential.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.teamscpe.credential.config.CredentialConfig;
import io.teamscpe.credential.store.ProviderStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Gauges an on-call engineer watches: providers whose client secret expires within the warning window
 * ({@code teamscpe_credentials_expiring}) and those already expired ({@code teamscpe_credentials_expired}); every
 * session of such a provider stops fetching attendance when it expires.
 */
@Startup
@ApplicationScoped
public class CredentialMetrics {
    private static final Logger LOG = Logger.getLogger(CredentialMetrics.class);

    private final ProviderStore store;
    private final CredentialConfig config;
    private final AtomicLong expiring = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();

    public CredentialMetrics(ProviderStore store, CredentialConfig config, MeterRegistry metrics) {
        this.store = store;
        this.config = config;
        Gauge.builder("teamscpe.credentials.expiring", expiring, AtomicLong::get)
                .description("Providers whose client secret expires within the warning window").register(metrics);
        Gauge.builder("teamscpe.credentials.expired", expired, AtomicLong::get)
                .description("Providers whose client secret has expired").register(metrics);
    }

    @Scheduled(every = "${teamscpe.credentials.metrics-interval:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                expired.set(store.countExpired(today));
                expiring.set(store.countExpiring(today, today.plusDays(config.expiryWarningDays())));
            });
        } catch (RuntimeException e) {
            LOG.debugf("credential gauges not refreshed: %s", e.getMessage());
        }
    }
}
