package io.teamscpe.reporting.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Reporting's own audit record of a session as JSON arrays, straight from its tables: the ruleset version it used,
 * the override trail (who, when, before, after, why), the attendance mappings' trail, the processing runs, and every
 * credit event published.
 * Runs in its caller's transaction (service/ or messaging/ holds the boundary).
 */
@ApplicationScoped
public class AuditRecords {
    private final EntityManager em;

    public AuditRecords(EntityManager em) {
        this.em = em;
    }

    public String ruleset(String rulesetId, Integer version) {
        return rows("""
                select json_build_object('rulesetId', ruleset_id, 'version', version, 'name', name,
                    'rules', rules)::text from ruleset_version where ruleset_id = ?1 and version = ?2""",
                rulesetId, version);
    }

    public String overrides(String sessionId) {
        return rows("""
                select json_build_object('participantId', participant_id, 'credit', credit,
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
                select json_build_object('run', run, 'processedBy', processed_by, 'processedAt', processed_at,
                    'awarded', awarded, 'revised', revised, 'revoked', revoked)::text
                from processing_run where session_id = ?1 order by run""", sessionId);
    }

    public String publishedCreditEvents(String sessionId) {
        return rows("""
                select json_build_object('eventId', id, 'type', ce_type, 'time', ce_time, 'sentAt', sent_at,
                    'data', payload::jsonb)::text
                from outbox_event where topic = 'cpe.credits.v1' and record_key = ?1 order by position""",
                sessionId);
    }

    /** The JSON objects the query returns, as one JSON array. */
    @SuppressWarnings("unchecked")
    private String rows(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        List<String> objects = query.getResultList();
        return "[\n" + String.join(",\n", objects) + "\n]\n";
    }
}
