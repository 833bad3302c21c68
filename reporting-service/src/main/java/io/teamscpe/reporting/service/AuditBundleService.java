package io.teamscpe.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.platform.readmodel.KnownSessions;
import io.teamscpe.reporting.audit.AuditBundle;
import io.teamscpe.reporting.audit.AuditSources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Prepares the zip an auditor keeps ({@link AuditBundle}): reporting's own record plus the raw material of the
 * services that own it (attendance snapshots with raw Graph pages or uploaded files, poll files with hashes).
 * The other services' parts are fetched to temporary files first, so a source that is down gives a clean problem
 * before anything is sent, and memory never holds a whole file.
 */
@ApplicationScoped
public class AuditBundleService {
    private final KnownSessions sessions;
    private final AuditSources.Attendance attendance;
    private final AuditSources.Polling polling;
    private final ReportingRecord record;
    private final CompletionService completion;
    private final ObjectMapper json;

    public AuditBundleService(KnownSessions sessions, @RestClient AuditSources.Attendance attendance,
                              @RestClient AuditSources.Polling polling, ReportingRecord record,
                              CompletionService completion, ObjectMapper json) {
        this.sessions = sessions;
        this.attendance = attendance;
        this.polling = polling;
        this.record = record;
        this.completion = completion;
        this.json = json;
    }

    /** Gathers the other services' parts; the returned bundle writes everything when asked. */
    public AuditBundle prepare(String firmId, String sessionId, String requestedBy) {
        KnownSession session = sessions.require(firmId, sessionId, "reporting");
        byte[] decisions = completion.reportJson(firmId, sessionId).json();
        Map<String, Path> parts = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        try {
            fetch("attendance/", () -> attendance.part(sessionId, firmId), "attendance-ingest-service", parts, notes);
            fetch("polls/", () -> polling.part(sessionId, firmId), "polling-service", parts, notes);
        } catch (RuntimeException e) {
            AuditBundle.discard(parts);
            throw e;
        }
        return new AuditBundle(session, requestedBy, decisions, parts, notes, record::write, json);
    }

    private static void fetch(String prefix, Supplier<InputStream> call, String service, Map<String, Path> parts,
                              List<String> notes) {
        Path file;
        try (InputStream in = call.get()) {
            file = Files.createTempFile("audit-part-", ".zip");
            parts.put(prefix, file);
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 404) {
                throw unavailable(service, "HTTP " + e.getResponse().getStatus());
            }
            notes.add(service + " holds no material for this session.");
            return;
        } catch (IOException | RuntimeException e) {
            throw unavailable(service, e.getClass().getSimpleName());
        }
        // a part streams after its 200: a source that fails midway sends a zip without its end, never a 5xx
        if (!AuditBundle.isCompleteZip(file)) {
            throw unavailable(service, "its zip ended before its central directory: the source failed while "
                    + "writing it");
        }
    }

    private static ProblemException unavailable(String service, String why) {
        return new ProblemException(503, "audit-source-unavailable", "Audit material unavailable",
                "The audit bundle needs " + service + "'s raw material, which could not be read (" + why + "). "
                        + "Nothing was produced; try again when the service is back.");
    }
}
