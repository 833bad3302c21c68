package io.teamscpe.emulator.faults;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which faults the emulator injects into Graph {@code /v1.0} requests (never into the identity endpoints or
 * {@code /_emulator}), and how slowly it answers. A request is faulted with probability {@code rate}, never twice in
 * a row for the same URL, so a client that retries always gets through. Outcomes are a function of the seed, the URL
 * and how often that URL was asked for, so the same requests see the same faults on every run.
 *
 * @param rate share of Graph requests that get a fault, 0 to 1
 * @param kinds the faults to choose from, with equal weight
 * @param retryAfterSeconds the {@code Retry-After} of 429 and 503 answers
 * @param timeoutHold how long a {@link FaultKind#TIMEOUT} holds the request before dropping the connection
 * @param latency added before every Graph answer, faulted or not
 */
public record FaultPlan(double rate, long seed, Set<FaultKind> kinds, int retryAfterSeconds, Duration timeoutHold,
                        Duration latency) {

    public static final int DEFAULT_RETRY_AFTER_SECONDS = 1;
    public static final Duration DEFAULT_TIMEOUT_HOLD = Duration.ofSeconds(3);

    public FaultPlan {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be between 0 and 1, not " + rate);
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative");
        }
        requireNonNegative(timeoutHold, "timeoutHold");
        requireNonNegative(latency, "latency");
        // an EnumSet iterates in declaration order: the seeded choice of a kind must not depend on hashing
        kinds = Collections.unmodifiableSet(kinds == null || kinds.isEmpty() ? EnumSet.allOf(FaultKind.class)
                : EnumSet.copyOf(kinds));
    }

    /** No faults and no added latency: the emulator's normal behaviour. */
    public static FaultPlan none() {
        return of(0, 0);
    }

    /** Faults of every kind at this rate, with the default Retry-After (1 s) and TIMEOUT hold (3 s). */
    public static FaultPlan of(double rate, long seed) {
        return new FaultPlan(rate, seed, null, DEFAULT_RETRY_AFTER_SECONDS, DEFAULT_TIMEOUT_HOLD, Duration.ZERO);
    }

    public FaultPlan withKinds(FaultKind... only) {
        return new FaultPlan(rate, seed, Set.copyOf(Arrays.asList(only)), retryAfterSeconds, timeoutHold, latency);
    }

    public FaultPlan withRetryAfterSeconds(int seconds) {
        return new FaultPlan(rate, seed, kinds, seconds, timeoutHold, latency);
    }

    public FaultPlan withTimeoutHold(Duration hold) {
        return new FaultPlan(rate, seed, kinds, retryAfterSeconds, hold, latency);
    }

    public FaultPlan withLatency(Duration added) {
        return new FaultPlan(rate, seed, kinds, retryAfterSeconds, timeoutHold, added);
    }

    private static void requireNonNegative(Duration duration, String name) {
        if (Objects.requireNonNull(duration, name).isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
