package io.teamscpe.reporting.store;

import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.reporting.report.AwardChange.Key;
import io.teamscpe.reporting.report.AwardChange.Published;
import io.teamscpe.reporting.report.ProcessingRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What processing runs published per professional per credit type (credit_award) and the runs themselves
 * (processing_run, with their counts per credit type in processing_run_credit_type).
 * Runs in its caller's transaction.
 */
@ApplicationScoped
public class CreditAwards {
    private final EntityManager em;

    public CreditAwards(EntityManager em) {
        this.em = em;
    }

    /** Serializes the processing runs of one session: held until the transaction ends. */
    public void lock(KnownSession s) {
        em.createNativeQuery("select 1 from known_session where session_id = ?1 for update")
                .setParameter(1, s.sessionId()).getResultList();
    }

    /** The number the session's next run gets. */
    public int nextRun(String sessionId) {
        return ((Number) em.createNativeQuery(
                        "select coalesce(max(run), 0) + 1 from processing_run where session_id = ?1")
                .setParameter(1, sessionId).getSingleResult()).intValue();
    }

    /** Per professional and credit type, what earlier runs of the session published (in a stable order). */
    public Map<Key, Published> published(String sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select professional_id, credit_type, credits, revoked"
                        + " from credit_award where session_id = ?1 order by professional_id, credit_type")
                .setParameter(1, sessionId).getResultList();
        Map<Key, Published> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(new Key((String) r[0], (String) r[1]),
                new Published((BigDecimal) r[2], Boolean.TRUE.equals(r[3]))));
        return out;
    }

    /** Keeps what a run published for one professional in one credit type. */
    public void store(String sessionId, String firmId, Key key, BigDecimal credits, boolean revoked, int run,
                      Instant now) {
        em.createNativeQuery("""
                        insert into credit_award (session_id, professional_id, credit_type, firm_id, credits, revoked,
                            processing_run, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        on conflict (session_id, professional_id, credit_type) do update set credits = excluded.credits,
                            revoked = excluded.revoked, processing_run = excluded.processing_run,
                            updated_at = excluded.updated_at""")
                .setParameter(1, sessionId).setParameter(2, key.professionalId()).setParameter(3, key.creditType())
                .setParameter(4, firmId).setParameter(5, credits).setParameter(6, revoked).setParameter(7, run)
                .setParameter(8, now).executeUpdate();
    }

    /** Records a finished run. */
    public void recordRun(String firmId, ProcessingRun r) {
        em.createNativeQuery("""
                        insert into processing_run (session_id, run, firm_id, processed_by, processed_at, awarded,
                            revised, revoked, unchanged, no_shows) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                .setParameter(1, r.sessionId()).setParameter(2, r.run()).setParameter(3, firmId)
                .setParameter(4, r.processedBy()).setParameter(5, r.processedAt()).setParameter(6, r.awarded())
                .setParameter(7, r.revised()).setParameter(8, r.revoked()).setParameter(9, r.unchanged())
                .setParameter(10, r.noShows())
                .executeUpdate();
        for (Map.Entry<String, ProcessingRun.Counts> e : r.byCreditType().entrySet()) {
            ProcessingRun.Counts c = e.getValue();
            em.createNativeQuery("""
                            insert into processing_run_credit_type (session_id, run, credit_type, awarded, revised,
                                revoked, unchanged, no_shows) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                    .setParameter(1, r.sessionId()).setParameter(2, r.run()).setParameter(3, e.getKey())
                    .setParameter(4, c.awarded()).setParameter(5, c.revised()).setParameter(6, c.revoked())
                    .setParameter(7, c.unchanged()).setParameter(8, c.noShows()).executeUpdate();
        }
    }
}
