package io.teamscpe.reporting.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;

/**
 * A session's inputs version: bumped in the same transaction as every change to what its reports are computed
 * from (session and its credit types, roster, rulesets, attendance, polls, overrides), so a report computed for a
 * version stays right until the version moves — on any instance of the service.
 */
@ApplicationScoped
public class ReportInputs {
    private static final String VERSION =
            "select coalesce(i.inputs_version, 0) from known_session s left join report_inputs i using (session_id)"
                    + " where s.session_id = ? and s.firm_id = ?";
    private static final String BUMP = """
            insert into report_inputs (session_id, inputs_version) select session_id, 1 from known_session where %s
            on conflict (session_id) do update set inputs_version = report_inputs.inputs_version + 1""";

    private final EntityManager em;
    private final DataSource db;

    public ReportInputs(EntityManager em, DataSource db) {
        this.em = em;
        this.db = db;
    }

    /**
     * The committed version right now, read outside any transaction with one statement on a pooled connection:
     * what a request for an already computed report costs in database work.
     */
    public OptionalLong committedVersion(String firmId, String sessionId) {
        try (Connection c = db.getConnection(); PreparedStatement select = c.prepareStatement(VERSION)) {
            select.setString(1, sessionId);
            select.setString(2, firmId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the inputs version of session " + sessionId, e);
        }
    }

    /** The session's inputs version, if the session is the firm's: one indexed row, no entity. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OptionalLong version(String firmId, String sessionId) {
        List<?> rows = em.createNativeQuery(VERSION).setParameter(1, sessionId).setParameter(2, firmId)
                .getResultList();
        return rows.isEmpty() ? OptionalLong.empty() : OptionalLong.of(((Number) rows.get(0)).longValue());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String sessionId) {
        em.createNativeQuery(BUMP.formatted("session_id = ?1"))
                .setParameter(1, sessionId).executeUpdate();
    }

    /**
     * Every session one of whose credit types names the ruleset (any version: cheap, and versions are rarely
     * republished).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rulesetChanged(String rulesetId) {
        em.createNativeQuery(BUMP.formatted("ruleset_id = ?1 or session_id in (select session_id from "
                        + "report_credit_type where ruleset_id = ?1)"))
                .setParameter(1, rulesetId).executeUpdate();
    }
}
