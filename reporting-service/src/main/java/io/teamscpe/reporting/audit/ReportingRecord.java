package io.teamscpe.reporting.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.platform.audit.AuditZip;
import io.teamscpe.reporting.ReportSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reporting's own audit record of a session: the session as credited, the ruleset version it used, the override
 * trail (who, when, before, after, why), the processing runs, and every credit event published, verbatim.
 */
@ApplicationScoped
public class ReportingRecord {
    private final EntityManager em;
    private final ObjectMapper json;

    public ReportingRecord(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional
    public void write(ReportSession s, AuditZip zip) throws IOException {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("sessionId", s.sessionId);
        session.put("title", s.title);
        session.put("scheduledStart", String.valueOf(s.scheduledStart));
        session.put("scheduledEnd", String.valueOf(s.scheduledEnd));
        session.put("timeZone", s.timeZone);
        session.put("maxCredits", s.maxCredits);
        session.put("fieldsOfStudy", s.fieldsOfStudy);
        session.put("deliveryMethod", s.deliveryMethod);
        session.put("rulesetId", s.rulesetId);
        session.put("rulesetVersion", s.rulesetVersion);
        session.put("revision", s.revision);
        session.put("cancelled", s.cancelled);
        zip.add("session.json", pretty(session));
        zip.add("ruleset.json", rows("""
                select json_build_object('rulesetId', ruleset_id, 'version', version, 'name', name,
                    'rules', rules)::text from ruleset_version where ruleset_id = ?1 and version = ?2""",
                s.rulesetId, s.rulesetVersion));
        zip.add("overrides.json", rows("""
                select json_build_object('participantId', participant_id, 'credit', credit,
                    'previousCredit', previous_credit, 'suggested', suggested, 'reason', reason,
                    'decidedBy', decided_by, 'decidedAt', decided_at)::text
                from credit_override where session_id = ?1 order by id""", s.sessionId));
        zip.add("processing-runs.json", rows("""
                select json_build_object('run', run, 'processedBy', processed_by, 'processedAt', processed_at,
                    'awarded', awarded, 'revised', revised, 'revoked', revoked)::text
                from processing_run where session_id = ?1 order by run""", s.sessionId));
        zip.add("published-credit-events.json", rows("""
                select json_build_object('eventId', id, 'type', ce_type, 'time', ce_time, 'sentAt', sent_at,
                    'data', payload::jsonb)::text
                from outbox_event where topic = 'cpe.credits.v1' and record_key = ?1 order by position""",
                s.sessionId));
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

    private byte[] pretty(Object value) throws IOException {
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
    }
}
