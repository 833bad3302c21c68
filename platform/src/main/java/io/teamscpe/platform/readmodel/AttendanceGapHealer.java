package io.teamscpe.platform.readmodel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.teamscpe.platform.readmodel.AttendanceGaps.Gap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Repairs incomplete attendance snapshots ({@link AttendanceGaps}): asks attendance-ingest-service to send each one
 * again, and again {@link #REASK} later if no complete snapshot arrived by then; a failed request (attendance down,
 * token broker unreachable) is retried with a growing delay. Runs in the services that consume attendance
 * ({@code teamscpe.attendance-gaps.heal-every}, "off" elsewhere); replicas claim gaps with row locks.
 */
@ApplicationScoped
public class AttendanceGapHealer {
    private static final Logger LOG = Logger.getLogger(AttendanceGapHealer.class);
    static final Duration REASK = Duration.ofMinutes(5);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(15);
    private static final int BATCH = 20;

    private final AttendanceGaps gaps;
    private final AttendanceRepublishClient attendance;

    public AttendanceGapHealer(AttendanceGaps gaps, @RestClient AttendanceRepublishClient attendance) {
        this.gaps = gaps;
        this.attendance = attendance;
    }

    @Scheduled(every = "${teamscpe.attendance-gaps.heal-every:off}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void healDue() {
        List<Gap> due = QuarkusTransaction.requiringNew().call(() -> gaps.claimDue(BATCH, REASK));
        for (Gap gap : due) {
            ask(gap);
        }
    }

    private void ask(Gap gap) {
        String outcome;
        Instant next;
        try (Response answer = attendance.republish(gap.sessionId(), gap.firmId())) {
            outcome = "asked at " + Instant.now() + ", attendance answered " + answer.getStatus();
            next = Instant.now().plus(answer.getStatus() == 202 ? REASK : retryDelay(gap.attempts()));
        } catch (RuntimeException e) {
            LOG.warnf("asking attendance-ingest-service to resend session %s's snapshot failed: %s",
                    gap.sessionId(), e.toString());
            outcome = "asking at " + Instant.now() + " failed: " + e.getClass().getSimpleName();
            next = Instant.now().plus(retryDelay(gap.attempts()));
        }
        String said = outcome;
        Instant at = next;
        QuarkusTransaction.requiringNew().run(() -> gaps.requested(gap.sessionId(), said, at));
    }

    /** 15 s, 30 s, 1 min ... up to {@link #REASK}. */
    static Duration retryDelay(int attempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 10));
        return delay.compareTo(REASK) > 0 ? REASK : delay;
    }
}
