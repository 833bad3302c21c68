package io.teamscpe.reporting.store;

import io.teamscpe.contracts.session.CreditType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Reporting's own audit record of a session as JSON arrays, straight from its tables: the ruleset version each credit
 * type used, the override trail per credit type (who, when, before, after, why), the attendance mappings' trail, the
 * processing runs (per credit type too), what is held awarded per professional and credit type, and every credit
 * event published.
 * Runs in its caller's transaction (service/ or messaging/ holds the boundary).
 */
@ApplicationScoped
public class AuditRecords {
    private final EntityManager em;

    public AuditRecords(EntityManager em) {
        this.em = em;
    }

    /** The ruleset version each credit type used (those that reached reporting), with the type's code. */
    public String rulesets(List<CreditType> types) {
        List<String> objects = new ArrayList<>();
        for (CreditType t : types) {
            if (t.rulesetId() == null || t.rulesetVersion() == null) {
                continue;
            }
            objects.addAll(objects("""
                    select json_build_object('creditType', cast(?1 as text), 'rulesetId', ruleset_id,
                        'version', version, 'name', name, 'rules', rules)::text
                    from ruleset_version where ruleset_id = ?2 and version = ?3""",
                    t.code(), t.rulesetId(), t.rulesetVersion()));
        }
        return array(objects);
    }

    public String overrides(String sessionId) {
        return rows("""
                select json_build_object('participantId', participant_id, 'creditType', credit_type, 'credit', credit,
                    'previousCredit', previous_credit, 'suggested', suggested, 'reason', reason,
                    'decidedBy', decided_by, 'decidedAt', decided_at)::text
                from credit_override where session_id = ?1 order by id""", sessionId);
    }

    /**
     * The trail of attendance mappings: every mapping (MAPPED), application of the firm's memory (REMEMBERED) and
     * undo (UNDONE), with the participant as Teams gave them, the professional, who and when, and what it did to the
     * firm's memory.
     */
    public String attendanceMappings(String sessionId) {
        return rows("""
                select json_build_object('action', action, 'participantKey', participant_key,
                    'displayName', display_name, 'email', email, 'identityKey', identity_key, 'lmsId', lms_id,
                    'by', actor, 'at', at, 'firmMemory', firm_memory)::text
                from attendance_mapping_event where session_id = ?1 order by id""", sessionId);
    }

    public String processingRuns(String sessionId) {
        return rows("""
                select json_build_object('run', r.run, 'processedBy', r.processed_by, 'processedAt', r.processed_at,
                    'awarded', r.awarded, 'revised', r.revised, 'revoked', r.revoked,
                    'byCreditType', (select json_object_agg(c.credit_type, json_build_object('awarded', c.awarded,
                        'revised', c.revised, 'revoked', c.revoked, 'unchanged', c.unchanged,
                        'noShows', c.no_shows)) from processing_run_credit_type c
                        where c.session_id = r.session_id and c.run = r.run))::text
                from processing_run r where r.session_id = ?1 order by r.run""", sessionId);
    }

    /** What is held published per professional and credit type: the credit, revoked or not, and by which run. */
    public String creditAwards(String sessionId) {
        return rows("""
                select json_build_object('professionalId', professional_id, 'creditType', credit_type,
                    'credits', credits, 'revoked', revoked, 'processingRun', processing_run,
                    'updatedAt', updated_at)::text
                from credit_award where session_id = ?1 order by professional_id, credit_type""", sessionId);
    }

    public String publishedCreditEvents(String sessionId) {
        return rows("""
                select json_build_object('eventId', id, 'type', ce_type, 'time', ce_time, 'sentAt', sent_at,
                    'data', payload::jsonb)::text
                from outbox_event where topic = 'cpe.credits.v1' and record_key = ?1 order by position""",
                sessionId);
    }

    /** The JSON objects the query returns, as one JSON array. */
    private String rows(String sql, Object... params) {
        return array(objects(sql, params));
    }

    @SuppressWarnings("unchecked")
    private List<String> objects(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.getResultList();
    }

    private static String array(List<String> objects) {
        return "[\n" + String.join(",\n", objects) + "\n]\n";
    }
}
