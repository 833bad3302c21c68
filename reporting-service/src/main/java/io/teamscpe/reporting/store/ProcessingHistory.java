package io.teamscpe.reporting.store;

import io.teamscpe.reporting.report.ProcessingRun;
import io.teamscpe.reporting.report.ProcessingRun.Counts;
import io.teamscpe.reporting.report.PublishedCreditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A session's processing history, read from processing_run and from the credit events its runs published (reporting
 * keeps its cpe.credits.v1 outbox rows). Runs in its caller's transaction.
 */
@ApplicationScoped
public class ProcessingHistory {
    /** The processing run a credit event belongs to: an award's, or a revocation's own. */
    private static final String RUN_OF_EVENT =
            "coalesce(payload::jsonb #>> '{award,processingRun}', payload::jsonb ->> 'processingRun')::int";
    private static final String RUN_COLUMNS = "run, processed_by, processed_at, awarded, revised, revoked, unchanged, no_shows";

    private final EntityManager em;

    public ProcessingHistory(EntityManager em) {
        this.em = em;
    }

    /** The session's runs, the latest first. */
    public List<ProcessingRun> runs(String sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + RUN_COLUMNS
                        + " from processing_run where session_id = ?1 order by run desc")
                .setParameter(1, sessionId).getResultList();
        Map<Integer, Map<String, Counts>> byType = countsByType(sessionId, null);
        return rows.stream().map(r -> run(sessionId, r, byType)).toList();
    }

    public Optional<ProcessingRun> run(String sessionId, int run) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + RUN_COLUMNS
                        + " from processing_run where session_id = ?1 and run = ?2")
                .setParameter(1, sessionId).setParameter(2, run).getResultList();
        return rows.stream().findFirst().map(r -> run(sessionId, r, countsByType(sessionId, run)));
    }

    /** Per run (all of the session's, or only {@code run}), its counts per credit type in the session's order. */
    private Map<Integer, Map<String, Counts>> countsByType(String sessionId, Integer run) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select c.run, c.credit_type, c.awarded, c.revised, c.revoked, c.unchanged, c.no_shows
                        from processing_run_credit_type c left join report_credit_type t
                            on t.session_id = c.session_id and t.code = c.credit_type
                        where c.session_id = ?1 and (cast(?2 as integer) is null or c.run = cast(?2 as integer))
                        order by c.run, coalesce(t.position, 2147483647), c.credit_type""")
                .setParameter(1, sessionId).setParameter(2, run).getResultList();
        Map<Integer, Map<String, Counts>> out = new HashMap<>();
        for (Object[] r : rows) {
            out.computeIfAbsent(((Number) r[0]).intValue(), k -> new LinkedHashMap<>()).put((String) r[1],
                    new Counts(((Number) r[2]).intValue(), ((Number) r[3]).intValue(), ((Number) r[4]).intValue(),
                            ((Number) r[5]).intValue(), ((Number) r[6]).intValue()));
        }
        return out;
    }

    /** How many of each run's credit events Kafka has acknowledged so far: run → sent. */
    public Map<Integer, Integer> sentPerRun(String sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + RUN_OF_EVENT + " as run, count(sent_at) from "
                        + "outbox_event where topic = 'cpe.credits.v1' and record_key = ?1 group by 1")
                .setParameter(1, sessionId).getResultList();
        Map<Integer, Integer> sent = new HashMap<>();
        rows.forEach(r -> sent.put(((Number) r[0]).intValue(), ((Number) r[1]).intValue()));
        return sent;
    }

    /** The credit events one run published, in the order they were published. */
    public List<PublishedCreditEvent> events(String sessionId, int run) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id::text, ce_type, ce_time, sent_at, payload from outbox_event
                        where topic = 'cpe.credits.v1' and record_key = ?1 and %s = ?2
                        order by position""".formatted(RUN_OF_EVENT))
                .setParameter(1, sessionId).setParameter(2, run).getResultList();
        return rows.stream().map(r -> new PublishedCreditEvent((String) r[0], (String) r[1],
                SessionFacts.instant(r[2]), SessionFacts.instant(r[3]), (String) r[4])).toList();
    }

    private static ProcessingRun run(String sessionId, Object[] r, Map<Integer, Map<String, Counts>> byType) {
        int run = ((Number) r[0]).intValue();
        return new ProcessingRun(sessionId, run, ((Number) r[3]).intValue(),
                ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), ((Number) r[6]).intValue(),
                ((Number) r[7]).intValue(), (String) r[1], SessionFacts.instant(r[2]),
                byType.getOrDefault(run, Map.of()));
    }
}
