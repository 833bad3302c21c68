package io.teamscpe.reporting.store;

import io.teamscpe.reporting.report.CompletionReport.Override;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only audit trail of overrides; the latest one per participant and credit type is in force. Runs in its
 * caller's transaction.
 */
@ApplicationScoped
public class Overrides {
    private final EntityManager em;

    public Overrides(EntityManager em) {
        this.em = em;
    }

    /** The overrides in force: per credit type code, per participant id. */
    public Map<String, Map<String, Override>> current(String sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select distinct on (credit_type, participant_id) credit_type, participant_id, credit, reason,
                            decided_by, decided_at
                        from credit_override where session_id = ?1 order by credit_type, participant_id, id desc""")
                .setParameter(1, sessionId).getResultList();
        Map<String, Map<String, Override>> out = new HashMap<>();
        for (Object[] r : rows) {
            out.computeIfAbsent((String) r[0], k -> new HashMap<>()).put((String) r[1], new Override(
                    (BigDecimal) r[2], (String) r[3], (String) r[4], SessionFacts.instant(r[5])));
        }
        return out;
    }

    /**
     * How many overrides the participant's row of the credit type has had (its override version; 0: never
     * overridden).
     */
    public int count(String sessionId, String participantId, String creditType) {
        return ((Number) em.createNativeQuery("select count(*) from credit_override where session_id = ?1"
                        + " and participant_id = ?2 and credit_type = ?3")
                .setParameter(1, sessionId).setParameter(2, participantId).setParameter(3, creditType)
                .getSingleResult()).intValue();
    }

    /** Appends an override of one credit type; the caller marks the session's report inputs changed. */
    public void record(String firmId, String sessionId, String participantId, String creditType, BigDecimal credit,
                       BigDecimal previous, BigDecimal suggested, String reason, String by) {
        em.createNativeQuery("""
                        insert into credit_override (session_id, firm_id, participant_id, credit_type, credit,
                            previous_credit, suggested, reason, decided_by, decided_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                .setParameter(1, sessionId).setParameter(2, firmId).setParameter(3, participantId)
                .setParameter(4, creditType).setParameter(5, credit).setParameter(6, previous)
                .setParameter(7, suggested).setParameter(8, reason.trim()).setParameter(9, by)
                .setParameter(10, Instant.now()).executeUpdate();
    }
}
