package io.teamscpe.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.OptionalLong;

/**
 * A session's inputs version: bumped in the same transaction as every change to what its reports are computed
 * from (session, roster, ruleset, attendance, polls, overrides), so a report computed for a version stays right
 * until the version moves — on any instance of the service.
 */
@ApplicationScoped
public class ReportInputs {
    private final EntityManager em;

    public ReportInputs(EntityManager em) {
        this.em = em;
    }

    /** The session's inputs version, if the session is the firm's: one indexed row, no entity. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OptionalLong version(String firmId, String sessionId) {
        List<?> rows = em.createNativeQuery(
                        "select inputs_version from report_session where session_id = ?1 and firm_id = ?2")
                .setParameter(1, sessionId).setParameter(2, firmId).getResultList();
        return rows.isEmpty() ? OptionalLong.empty() : OptionalLong.of(((Number) rows.get(0)).longValue());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String sessionId) {
        em.createNativeQuery("update report_session set inputs_version = inputs_version + 1 where session_id = ?1")
                .setParameter(1, sessionId).executeUpdate();
    }

    /** Every session that names the ruleset (any version: cheap, and versions are rarely republished). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rulesetChanged(String rulesetId) {
        em.createNativeQuery("update report_session set inputs_version = inputs_version + 1 where ruleset_id = ?1")
                .setParameter(1, rulesetId).executeUpdate();
    }
}
