package io.teamscpe.reporting.service;

import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.readmodel.KnownSessions;
import io.teamscpe.reporting.report.ProcessingRun;
import io.teamscpe.reporting.report.PublishedCreditEvent;
import io.teamscpe.reporting.store.ProcessingHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** What "process CPE" did for a session, run by run, for the front end: who, when, counts, and the events sent. */
@ApplicationScoped
public class ProcessingHistoryService {
    private final KnownSessions sessions;
    private final ProcessingHistory history;

    /** One run and the credit events it published. */
    public record RunEvents(ProcessingRun run, List<PublishedCreditEvent> events) {
    }

    public ProcessingHistoryService(KnownSessions sessions, ProcessingHistory history) {
        this.sessions = sessions;
        this.history = history;
    }

    /** A session's runs, the latest first, and how many of each run's events Kafka has acknowledged. */
    public record Runs(List<ProcessingRun> runs, Map<Integer, Integer> sent) {
    }

    @Transactional
    public Runs runs(String firmId, String sessionId) {
        sessions.require(firmId, sessionId, "reporting");
        return new Runs(history.runs(sessionId), history.sentPerRun(sessionId));
    }

    @Transactional
    public RunEvents run(String firmId, String sessionId, int run) {
        sessions.require(firmId, sessionId, "reporting");
        ProcessingRun found = history.run(sessionId, run).orElseThrow(() -> new ProblemException(404,
                "processing-run-not-found", "Processing run not found", "Session " + sessionId + " has no "
                + "processing run " + run + "; GET /api/sessions/{id}/processing-runs lists the runs it has."));
        return new RunEvents(found, history.events(sessionId, run));
    }
}
