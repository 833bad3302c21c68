package io.teamscpe.session;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The service's clock in tests: real time unless a test sets it, so launch windows are tested without waiting. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {
    private static volatile Instant fixed;

    public static void set(Instant now) {
        fixed = now;
    }

    public static void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now != null ? now : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
