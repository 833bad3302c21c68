package io.teamscpe.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Applies an event (or a batch) until it succeeds while its failures are transient ({@link TransientFailures}):
 * the record stays unacknowledged, its partition waits, and readiness says why ({@link ConsumerReadiness}). A
 * failure no retry can fix is thrown at once, for the channel's dead-letter strategy. It keeps trying while the
 * application stops: it never gives the record up (a nack would park it on the dead-letter topic), and an
 * unacknowledged record is delivered again to whoever owns the partition next (the inbox discards a repeat).
 */
@ApplicationScoped
public class ConsumerRetry {
    private static final Logger LOG = Logger.getLogger(ConsumerRetry.class);

    /** A channel that is waiting out a transient failure: since when, how many attempts, the last cause. */
    public record Waiting(Instant since, int attempts, String cause) {
    }

    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final MeterRegistry metrics;
    private volatile boolean stopping;

    @Inject
    public ConsumerRetry(@ConfigProperty(name = "teamscpe.consumer.first-backoff", defaultValue = "PT0.2S")
                         Duration firstBackoff,
                         @ConfigProperty(name = "teamscpe.consumer.max-backoff", defaultValue = "PT15S")
                         Duration maxBackoff, MeterRegistry metrics) {
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.metrics = metrics;
    }

    public ConsumerRetry(Duration firstBackoff, Duration maxBackoff) {
        this(firstBackoff, maxBackoff, new SimpleMeterRegistry());
    }

    /**
     * From the moment the application starts stopping (SIGTERM), every failure counts as transient: what fails then
     * fails because the database pool or the container is closing, not because of the event, and a nack would park a
     * good event on the dead-letter topic. The record stays unacknowledged and goes to the partition's next owner;
     * the worker waits until the thread pool's shutdown interrupts it (quarkus.thread-pool.shutdown-interrupt), by
     * when the Kafka connector is closed, and only then gives up the record.
     */
    void stopping(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    public void run(String channel, Runnable work) {
        call(channel, () -> {
            work.run();
            return null;
        });
    }

    public <T> T call(String channel, Supplier<T> work) {
        long backoff = firstBackoff.toNanos();
        int attempts = 0;
        while (true) {
            try {
                T result = work.get();
                if (waiting.remove(channel) != null) {
                    LOG.infof("%s: applied after %d attempt(s); consuming again", channel, attempts + 1);
                }
                return result;
            } catch (RuntimeException e) {
                if (!stopping && !TransientFailures.isTransient(e)) {
                    waiting.remove(channel);
                    throw e;
                }
                if (stopping && Thread.currentThread().isInterrupted()) {
                    // the interrupt stays set: whatever this thread tries next stops at once too
                    throw new ConsumerStopping(channel, e);
                }
                attempts++;
                // teamscpe_consumer_retries_total{channel}: attempts that failed transiently and were retried
                metrics.counter("teamscpe.consumer.retries", "channel", channel).increment();
                Waiting now = waiting.merge(channel, new Waiting(Instant.now(), attempts, describe(e)),
                        (old, latest) -> new Waiting(old.since(), latest.attempts(), latest.cause()));
                if (attempts == 1 || attempts % 20 == 0) {
                    LOG.warnf("%s: transient failure (attempt %d, waiting since %s), retrying: %s", channel,
                            attempts, now.since(), now.cause());
                }
                // a backoff on the channel's own worker thread: the partition must wait for this record anyway
                LockSupport.parkNanos(backoff + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
                backoff = Math.min(backoff * 2, maxBackoff.toNanos());
            }
        }
    }

    /** The channels waiting out a failure now. */
    public Map<String, Waiting> waiting() {
        return Map.copyOf(waiting);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
