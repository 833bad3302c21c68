package io.teamscpe.reporting.store;

import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.reporting.report.AwardChange.Published;
import io.teamscpe.reporting.report.ProcessingRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What processing runs published per professional (credit_award) and the runs themselves (processing_run).
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

    /** Per professional, what earlier runs of the session published. */
    public Map<String, Published> published(String sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select professional_id, credits, revoked from credit_award where session_id = ?1")
                .setParameter(1, sessionId).getResultList();
        Map<String, Published> out = new HashMap<>();
        rows.forEach(r -> out.put((String) r[0], new Published((BigDecimal) r[1], Boolean.TRUE.equals(r[2]))));
        return out;
    }

    /** Keeps what a run published for one professional. */
    public void store(String sessionId, String firmId, String professionalId, BigDecimal credits, boolean revoked,
                      int run, Instant now) {
        em.createNativeQuery("""
                        insert into credit_award (session_id, professional_id, firm_id, credits, revoked, processing_run,
                            updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (session_id, professional_id) do update set credits = excluded.credits,
                            revoked = excluded.revoked, processing_run = excluded.processing_run,
                            updated_at = excluded.updated_at""")
                .setParameter(1, sessionId).setParameter(2, professionalId).setParameter(3, firmId)
                .setParameter(4, credits).setParameter(5, revoked).setParameter(6, run).setParameter(7, now)
                .executeUpdate();
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
    }
}
