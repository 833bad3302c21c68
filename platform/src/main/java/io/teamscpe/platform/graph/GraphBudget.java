package io.teamscpe.platform.graph;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Keeps this process within its share of Graph's per-app request budget: a token bucket per provider, refilled
 * continuously. After a 429 every caller of that provider waits out the Retry-After, not only the one that got it.
 * Callers block: Graph calls run on worker threads only.
 */
@ApplicationScoped
public class GraphBudget {
    private final int capacity;
    private final double perNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public GraphBudget(GraphConfig config) {
        this.capacity = config.budget().requests();
        this.perNano = capacity / (double) config.budget().window().toNanos();
    }

    /** Waits until one more request for {@code provider} fits the budget. */
    public void acquire(String provider) throws InterruptedException {
        Bucket bucket = buckets.computeIfAbsent(provider, p -> new Bucket(capacity, System.nanoTime()));
        long wait;
        while ((wait = bucket.take(capacity, perNano)) > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Graph said "too many requests": nobody sends for {@code provider} before the pause is over. */
    public void pause(String provider, Duration pause) {
        buckets.computeIfAbsent(provider, p -> new Bucket(capacity, System.nanoTime()))
                .pauseUntil(System.nanoTime() + pause.toNanos());
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;
        private long pausedUntil;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.refilledAt = now;
        }

        /** Takes a token and returns 0, or returns the nanoseconds to wait before trying again. */
        synchronized long take(int capacity, double perNano) {
            long now = System.nanoTime();
            if (now - pausedUntil < 0) {
                return pausedUntil - now;
            }
            tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens--;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }

        synchronized void pauseUntil(long until) {
            if (until - pausedUntil > 0) {
                pausedUntil = until;
            }
        }
    }
}
