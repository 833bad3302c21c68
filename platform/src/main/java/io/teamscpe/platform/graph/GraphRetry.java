package io.teamscpe.platform.graph;

import com.microsoft.kiota.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The one retry policy for Graph calls (the SDK's own retry handler is switched off in {@link GraphClients}):
 * 429 waits out {@code Retry-After} (seconds or HTTP date) for every caller of the provider; 503/504 and timeouts
 * back off exponentially with jitter; a 401 renews the token once. Every attempt first takes its place in the
 * provider's {@link GraphBudget}. Blocks the calling thread: never call it on the event loop.
 */
@ApplicationScoped
public class GraphRetry {
    private static final Logger LOG = Logger.getLogger(GraphRetry.class);

    /** Called on 401: get a fresh token so the next attempt uses it. */
    public interface TokenRenewal {
        void renew();
    }

    private final GraphBudget budget;
    private final GraphConfig.Retry config;
    private final MeterRegistry metrics;

    public GraphRetry(GraphBudget budget, GraphConfig config, MeterRegistry metrics) {
        this.budget = budget;
        this.config = config.retry();
        this.metrics = metrics;
    }

    /** teamscpe_graph_requests_total{provider, outcome}: ok, the HTTP status refused with, or transport-error. */
    private void count(String provider, String outcome) {
        metrics.counter("teamscpe.graph.requests", "provider", provider, "outcome", outcome).increment();
    }

    /** teamscpe_graph_retries_total{provider, reason}: throttled (429), unavailable (503/504), transport. */
    private void retried(String provider, String reason) {
        metrics.counter("teamscpe.graph.retries", "provider", provider, "reason", reason).increment();
    }

    /** Runs {@code call} for {@code provider} until it succeeds, fails for good, or runs out of attempts. */
    public <T> T call(String provider, TokenRenewal renewal, Supplier<T> call) {
        boolean renewed = false;
        for (int attempt = 1; ; attempt++) {
            try {
                budget.acquire(provider);
                T result = call.get();
                count(provider, "ok");
                return result;
            } catch (ApiException e) {
                int status = e.getResponseStatusCode();
                count(provider, String.valueOf(status));
                if (status == 401 && !renewed && renewal != null) {
                    renewed = true;
                    renewal.renew();
                    continue;
                }
                if (status != 429 && status != 503 && status != 504 || attempt >= config.maxAttempts()) {
                    throw e;
                }
                Duration wait = retryAfter(e).orElse(backoff(attempt));
                if (wait.compareTo(config.maxDelay()) > 0) {
                    throw e;
                }
                if (status == 429) {
                    budget.pause(provider, wait);
                }
                retried(provider, status == 429 ? "throttled" : "unavailable");
                LOG.debugf("Graph answered %d, attempt %d; retrying in %d ms", status, attempt, wait.toMillis());
                sleep(wait);
            } catch (RuntimeException e) {
                if (!transport(e)) {
                    throw e;
                }
                count(provider, "transport-error");
                if (attempt >= config.maxAttempts()) {
                    throw e;
                }
                retried(provider, "transport");
                Duration wait = backoff(attempt);
                LOG.debugf("Graph transport failure (%s), attempt %d; retrying in %d ms",
                        e.getClass().getSimpleName(), attempt, wait.toMillis());
                sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the Graph request budget", e);
            }
        }
    }

    private Duration backoff(int attempt) {
        long base = config.baseDelay().toMillis() << Math.min(attempt - 1, 16);
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base + 1);
        return Duration.ofMillis(Math.min(jittered, config.maxDelay().toMillis()));
    }

    /** {@code Retry-After} as delta-seconds or as an HTTP date (RFC 9110 §10.2.3). */
    static Optional<Duration> retryAfter(ApiException e) {
        Set<String> values = e.getResponseHeaders() == null ? null : e.getResponseHeaders().get("retry-after");
        if (values == null || values.isEmpty()) {
            values = e.getResponseHeaders() == null ? null : e.getResponseHeaders().get("Retry-After");
        }
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        return parseRetryAfter(values.iterator().next(), Instant.now());
    }

    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String v = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static boolean transport(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(Duration wait) {
        try {
            TimeUnit.MILLISECONDS.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off from Graph", e);
        }
    }
}
