package io.teamscpe.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.contracts.session.CreditType;
import io.teamscpe.platform.audit.AuditZip;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.reporting.audit.AuditBundle.AuditedSession;
import io.teamscpe.reporting.store.AuditRecords;
import io.teamscpe.reporting.store.CreditTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.List;

/**
 * Writes reporting's own audit record of a session into a bundle, in one transaction: the session as credited with
 * its credit types, the ruleset version each type used, the override trail, the attendance mappings' trail, the
 * processing runs, what is held awarded per professional and credit type, and every credit event published,
 * verbatim.
 */
@ApplicationScoped
public class ReportingRecord {
    private final AuditRecords records;
    private final CreditTypes creditTypes;
    private final ObjectMapper json;

    public ReportingRecord(AuditRecords records, CreditTypes creditTypes, ObjectMapper json) {
        this.records = records;
        this.creditTypes = creditTypes;
        this.json = json;
    }

    @Transactional
    public void write(KnownSession s, AuditZip zip) throws IOException {
        List<CreditType> types = creditTypes.of(s);
        zip.add("session.json", json.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(AuditedSession.of(s, types)));
        zip.add("ruleset.json", records.rulesets(types));
        zip.add("overrides.json", records.overrides(s.sessionId()));
        zip.add("attendance-mappings.json", records.attendanceMappings(s.sessionId()));
        zip.add("processing-runs.json", records.processingRuns(s.sessionId()));
        zip.add("credit-awards.json", records.creditAwards(s.sessionId()));
        zip.add("published-credit-events.json", records.publishedCreditEvents(s.sessionId()));
    }
}
