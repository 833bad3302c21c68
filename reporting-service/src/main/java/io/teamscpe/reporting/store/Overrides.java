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
 * The append-only audit trail of overrides; the latest one per participant is in force. Runs in its caller's
 * transaction.
 */
@ApplicationScoped
public class Overrides {
    private final EntityManager em;

    public Overrides(EntityManager em) {
        this.em = em;
    }

    public Map<String, Override> current(String sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select distinct on (participant_id) participant_id, credit, reason, decided_by, decided_at
                        from credit_override where session_id = ?1 order by participant_id, id desc""")
                .setParameter(1, sessionId).getResultList();
        Map<String, Override> out = new HashMap<>();
        for (Object[] r : rows) {
            out.put((String) r[0], new Override((BigDecimal) r[1], (String) r[2], (String) r[3],
                    SessionFacts.instant(r[4])));
        }
        return out;
    }

    /** How many overrides the participant's row has had (its override version; 0: never overridden). */
    public int count(String sessionId, String participantId) {
        return ((Number) em.createNativeQuery(
                        "select count(*) from credit_override where session_id = ?1 and participant_id = ?2")
                .setParameter(1, sessionId).setParameter(2, participantId).getSingleResult()).intValue();
    }

    /** Appends an override; the caller marks the session's report inputs changed. */
    public void record(String firmId, String sessionId, String participantId, BigDecimal credit,
                       BigDecimal previous, BigDecimal suggested, String reason, String by) {
        em.createNativeQuery("""
                        insert into credit_override (session_id, firm_id, participant_id, credit, previous_credit,
                            suggested, reason, decided_by, decided_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, sessionId).setParameter(2, firmId).setParameter(3, participantId)
                .setParameter(4, credit).setParameter(5, previous).setParameter(6, suggested)
                .setParameter(7, reason.trim()).setParameter(8, by).setParameter(9, Instant.now()).executeUpdate();
    }
}
