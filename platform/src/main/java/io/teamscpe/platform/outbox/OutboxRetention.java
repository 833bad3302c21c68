package io.teamscpe.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes outbox rows Kafka acknowledged more than {@code teamscpe.outbox.retention} ago (7 days by default), so the
 * table holds what is in flight and recent history, not every event ever published: a 10,000-person meeting alone
 * leaves ~10 MB of rows. Rows not yet sent are never deleted. A service that keeps its own published events as a
 * record names their topics in {@code teamscpe.outbox.keep-topics} (reporting keeps {@code cpe.credits.v1} for the
 * audit bundle). Works oldest first in batches; several replicas may run it at once.
 */
@ApplicationScoped
public class OutboxRetention {
    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);
    private static final int BATCH = 5_000;

    private final EntityManager em;
    private final Duration retention;
    private final String[] keepTopics;

    public OutboxRetention(EntityManager em,
                           @ConfigProperty(name = "teamscpe.outbox.retention", defaultValue = "P7D") Duration retention,
                           @ConfigProperty(name = "teamscpe.outbox.keep-topics") Optional<List<String>> keepTopics) {
        this.em = em;
        this.retention = retention;
        this.keepTopics = keepTopics.orElse(List.of()).toArray(String[]::new);
    }

    @Scheduled(every = "${teamscpe.outbox.retention-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge(Instant.now());
    }

    /** Deletes the rows sent before {@code now} minus the retention; returns how many. */
    public int purge(Instant now) {
        Instant cutoff = now.minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                            delete from outbox_event where id in (
                                select id from outbox_event
                                where sent_at < ?1 and not (topic = any(cast(?2 as varchar[])))
                                order by position limit ?3)""")
                    .setParameter(1, cutoff).setParameter(2, keepTopics).setParameter(3, BATCH).executeUpdate());
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            LOG.infof("outbox retention: deleted %d events sent before %s", total, cutoff);
        }
        return total;
    }
}
