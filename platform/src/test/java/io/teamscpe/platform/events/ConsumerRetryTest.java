package io.teamscpe.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.junit.jupiter.api.Test;

class ConsumerRetryTest {
    private final ConsumerRetry retry = new ConsumerRetry(Duration.ofMillis(1), Duration.ofMillis(4));

    @Test
    void aDatabaseThatIsAwayIsWaitedOutAndReadinessSaysWhyMeanwhile() {
        AtomicInteger attempts = new AtomicInteger();
        String result = retry.call("polling <- cpe.attendance.v1", () -> {
            if (attempts.incrementAndGet() <= 3) {
                assertThat(attempts.get() == 1 || retry.waiting().containsKey("polling <- cpe.attendance.v1"))
                        .isTrue();
                throw new IllegalStateException("commit failed",
                        new SQLException("Connection to localhost:55432 refused", "08001"));
            }
            return "applied";
        });
        assertThat(result).isEqualTo("applied");
        assertThat(attempts).hasValue(4);
        assertThat(retry.waiting()).isEmpty();
    }

    @Test
    void whileWaitingTheChannelIsListedWithItsCause() {
        AtomicInteger attempts = new AtomicInteger();
        retry.run("reporting <- cpe.polls.v1", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new RuntimeException(new ConnectException("Connection refused"));
            }
            ConsumerRetry.Waiting waiting = retry.waiting().get("reporting <- cpe.polls.v1");
            assertThat(waiting.attempts()).isEqualTo(1);
            assertThat(waiting.cause()).isEqualTo("ConnectException: Connection refused");
            assertThat(new ConsumerReadiness(retry).call().getStatus().name()).isEqualTo("DOWN");
        });
        assertThat(new ConsumerReadiness(retry).call().getStatus().name()).isEqualTo("UP");
    }

    @Test
    void aPoisonRecordOrABugIsThrownAtOnceForTheDeadLetterTopic() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retry.run("c", () -> {
            attempts.incrementAndGet();
            throw new PoisonEventException("does not match its schema");
        })).isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> retry.run("c", () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException(new SQLException("duplicate key", "23505"));
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(2);
        assertThat(retry.waiting()).isEmpty();
    }

    @Test
    void failuresAreToldApart() {
        assertThat(TransientFailures.isTransient(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("Acquisition timeout"))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new NotEnoughReplicasException("x"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("value too long", "22001"))).isFalse();
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
        assertThat(TransientFailures.isTransient(new RuntimeException("x", new PoisonEventException("bad"))))
                .isFalse();
    }
}
