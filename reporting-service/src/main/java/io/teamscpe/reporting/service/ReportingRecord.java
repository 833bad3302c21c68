package io.teamscpe.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.platform.audit.AuditZip;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.reporting.audit.AuditBundle.AuditedSession;
import io.teamscpe.reporting.store.AuditRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;

/**
 * Writes reporting's own audit record of a session into a bundle, in one transaction: the session as credited, the
 * ruleset version it used, the override trail, the attendance mappings' trail, the processing runs, and every credit
 * event published, verbatim.
 */
@ApplicationScoped
public class ReportingRecord {
    private final AuditRecords records;
    private final ObjectMapper json;

    public ReportingRecord(AuditRecords records, ObjectMapper json) {
        this.records = records;
        this.json = json;
    }

    @Transactional
    public void write(KnownSession s, AuditZip zip) throws IOException {
        zip.add("session.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(AuditedSession.of(s)));
        zip.add("ruleset.json", records.ruleset(s.rulesetId(), s.rulesetVersion()));
        zip.add("overrides.json", records.overrides(s.sessionId()));
        zip.add("attendance-mappings.json", records.attendanceMappings(s.sessionId()));
        zip.add("processing-runs.json", records.processingRuns(s.sessionId()));
        zip.add("published-credit-events.json", records.publishedCreditEvents(s.sessionId()));
    }
}
