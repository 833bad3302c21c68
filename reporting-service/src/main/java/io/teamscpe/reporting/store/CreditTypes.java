package io.teamscpe.reporting.store;

import io.teamscpe.contracts.session.CreditType;
import io.teamscpe.platform.readmodel.KnownSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The credit types of each session (report_credit_type), as its latest session event listed them, and the credit
 * types each enrollee seeks (roster.credit_types). Runs in its caller's transaction.
 */
@ApplicationScoped
public class CreditTypes {
    private final EntityManager em;

    public CreditTypes(EntityManager em) {
        this.em = em;
    }

    /** Replaces the session's credit types (call when a newer revision of the session was applied). */
    public void replace(String sessionId, List<CreditType> types) {
        em.createNativeQuery("delete from report_credit_type where session_id = ?1").setParameter(1, sessionId)
                .executeUpdate();
        for (int i = 0; i < types.size(); i++) {
            CreditType t = types.get(i);
            em.createNativeQuery("""
                            insert into report_credit_type (session_id, position, code, ruleset_id, ruleset_version,
                                max_credits, max_credits_derived)
                            values (?1, ?2, ?3, cast(?4 as varchar), cast(?5 as integer), cast(?6 as numeric), ?7)
                            on conflict (session_id, code) do nothing""")
                    .setParameter(1, sessionId).setParameter(2, i).setParameter(3, t.code())
                    .setParameter(4, t.rulesetId()).setParameter(5, t.rulesetVersion())
                    .setParameter(6, t.maxCredits()).setParameter(7, t.maxCreditsDerived()).executeUpdate();
        }
    }

    /**
     * The session's credit types in its order; a session held since before credit types whose next event has not
     * come (migration V7 could not list it) has the one its ruleset fields describe, CPE.
     */
    public List<CreditType> of(KnownSession s) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select code, ruleset_id, ruleset_version, max_credits, max_credits_derived
                        from report_credit_type where session_id = ?1 order by position""")
                .setParameter(1, s.sessionId()).getResultList();
        if (rows.isEmpty()) {
            return List.of(new CreditType(CreditType.DEFAULT_CODE, s.rulesetId(), s.rulesetVersion(),
                    s.maxCredits(), false));
        }
        List<CreditType> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new CreditType((String) r[0], (String) r[1], r[2] == null ? null : ((Number) r[2]).intValue(),
                    (BigDecimal) r[3], Boolean.TRUE.equals(r[4])));
        }
        return out;
    }

    /**
     * Which credit types the enrollees of a roster snapshot not applied yet seek, as a JSON object (LMS id → codes;
     * null when none names any): read before platform's {@code Rosters} applies the snapshot and drops its staging.
     */
    public String stagedSeeking(String snapshotId) {
        List<?> rows = em.createNativeQuery("""
                        select cast(jsonb_object_agg(e ->> 'lmsId', e -> 'creditTypes') as text)
                        from roster_staging s cross join jsonb_array_elements(s.enrollees) e
                        where s.snapshot_id = ?1 and jsonb_typeof(e -> 'creditTypes') = 'array'
                            and e -> 'creditTypes' <> '[]'::jsonb""")
                .setParameter(1, snapshotId).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /** Sets the credit types the roster's enrollees seek, from {@link #stagedSeeking} (the others seek all). */
    public void applySeeking(String sessionId, String seeking) {
        if (seeking == null) {
            return;
        }
        em.createNativeQuery("""
                        update roster r set credit_types = array(select jsonb_array_elements_text(v.value))
                        from jsonb_each(cast(?2 as jsonb)) v where r.session_id = ?1 and r.lms_id = v.key""")
                .setParameter(1, sessionId).setParameter(2, seeking).executeUpdate();
    }
}
