package io.teamscpe.attendance.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.teamscpe.attendance.IngestionJob;
import io.teamscpe.attendance.IngestionJob.State;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.attendance.config.IngestConfig;
import io.teamscpe.platform.problem.ProblemException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * "Refresh data": starts a fetch in the background and answers at once with the job. Clicking twice while a fetch
 * runs returns the running job (on any replica: the job's row is locked while it is decided).
 *
 * <p>A fetch lives in the memory of the replica that accepted it: a replica that dies (or loses its fetch to a
 * database outage) would leave the job FETCHING with nobody working on it. So each replica renews a heartbeat
 * ({@code updated_at}) of the fetches it holds, queued or running, and the scheduler of any replica starts again
 * a FETCHING job whose heartbeat is older than {@code teamscpe.attendance.fetch-lease}; a fetch that failed
 * transiently is tried again after {@code teamscpe.attendance.transient-retry-delay}. The fetch itself is
 * {@link AttendanceFetch}.
 */
@ApplicationScoped
public class FetchScheduler {
    private final TrackedSessions sessions;
    private static final Logger LOG = Logger.getLogger(FetchScheduler.class);
    private final AttendanceFetch fetch;
    private final ExecutorService workers;
    /** Sessions whose fetch this replica accepted and has not finished: their heartbeat is renewed. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final IngestConfig config;

    public FetchScheduler(TrackedSessions sessions, AttendanceFetch fetch, IngestConfig config) {
        this.sessions = sessions;
        this.fetch = fetch;
        this.config = config;
        this.workers = Executors.newFixedThreadPool(config.concurrentFetches());
    }

    /**
     * An administrator's "Refresh data". With {@code republish}, a fetch that finds Graph's content unchanged sends
     * the current snapshot again anyway, so a report that lost part of it is repaired from the product.
     */
    public IngestionJob refresh(String firmId, String sessionId, boolean republish) {
        return start(firmId, sessionId, republish);
    }

    /**
     * Starts a fetch unless one holds the session's lease: the job row is locked while it is claimed, so two
     * replicas never fetch the same session; a fetch whose heartbeat stopped for the lease's length (its replica
     * died) is taken over.
     */
    private IngestionJob start(String firmId, String sessionId, boolean republishIfUnchanged) {
        IngestionJob job = QuarkusTransaction.requiringNew().call(() -> {
            KnownSession session = sessions.find(firmId, sessionId);
            if (session.cancelled()) {
                throw new ProblemException(409, "session-cancelled", "Session cancelled",
                        "The session was cancelled; its attendance is not fetched.");
            }
            IngestionJob j = IngestionJob.findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
            if (j.leased(Instant.now(), config.fetchLease())) {
                return null;
            }
            j.state = State.FETCHING;
            j.nextAttemptAt = null;
            j.detail = "Reading attendance reports from Microsoft Graph.";
            j.pages = 0;
            j.records = 0;
            j.updatedAt = Instant.now();
            return j;
        });
        if (job == null) {
            return status(firmId, sessionId);
        }
        held.add(sessionId);
        workers.submit(() -> {
            try {
                fetch.fetch(sessionId, republishIfUnchanged);
            } finally {
                held.remove(sessionId);
            }
        });
        return job;
    }

    public IngestionJob status(String firmId, String sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            sessions.find(firmId, sessionId);
            return IngestionJob.<IngestionJob>findById(sessionId);
        });
    }

    /**
     * Starts every automatic fetch that is due, and every fetch whose replica stopped renewing its heartbeat;
     * schedules live in the database, so they survive restarts.
     */
    @Scheduled(every = "${teamscpe.attendance.scheduler-interval:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void runDueFetches() {
        Instant now = Instant.now();
        List<String> due = QuarkusTransaction.requiringNew().call(() -> IngestionJob.<IngestionJob>list(
                        "(nextAttemptAt <= ?1 and state in ?2) or (state = ?3 and updatedAt < ?4)", now,
                        List.of(State.SCHEDULED, State.WAITING_FOR_REPORT, State.FAILED), State.FETCHING,
                        now.minus(config.fetchLease()))
                .stream().map(j -> j.sessionId).toList());
        for (String sessionId : due) {
            String firm = QuarkusTransaction.requiringNew().call(
                    () -> sessions.get(sessionId).firmId());
            start(firm, sessionId, false);
        }
    }

    /** Renews the heartbeat of the fetches this replica holds, so no other replica takes them for dead. */
    @Scheduled(every = "${teamscpe.attendance.heartbeat-interval:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        if (held.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> IngestionJob.update(
                    "updatedAt = ?1 where sessionId in ?2 and state = ?3", Instant.now(), List.copyOf(held),
                    State.FETCHING));
        } catch (RuntimeException e) {
            LOG.warnf("could not renew the heartbeat of %d fetch(es): %s", held.size(), e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
