package io.teamscpe.reporting.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.platform.audit.AuditZip;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.reporting.ReportSession;
import io.teamscpe.reporting.service.CompletionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipFile;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The zip an auditor keeps for five years: reporting's own record (session, ruleset version, every decision with its
 * reason, overrides, what was published) plus the raw material of the services that own it (attendance snapshots
 * with raw Graph pages or uploaded files, poll files with hashes), and a manifest with every file's SHA-256.
 * The other services' parts are fetched to temporary files first, so a source that is down gives a clean problem
 * before anything is sent, and memory never holds a whole file.
 */
@ApplicationScoped
public class AuditBundle {
    private final AuditSources.Attendance attendance;
    private final AuditSources.Polling polling;
    private final ReportingRecord record;
    private final CompletionService completion;
    private final ObjectMapper json;

    public AuditBundle(@RestClient AuditSources.Attendance attendance, @RestClient AuditSources.Polling polling,
                       ReportingRecord record, CompletionService completion, ObjectMapper json) {
        this.attendance = attendance;
        this.polling = polling;
        this.record = record;
        this.completion = completion;
        this.json = json;
    }

    /** Gathers the other services' parts; the returned bundle writes everything when asked. */
    public Prepared prepare(String firmId, String sessionId, String requestedBy) {
        ReportSession session = CompletionService.session(firmId, sessionId);
        byte[] decisions = completion.reportJson(firmId, sessionId).json();
        Map<String, Path> parts = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        try {
            fetch("attendance/", () -> attendance.part(sessionId, firmId), "attendance-ingest-service", parts, notes);
            fetch("polls/", () -> polling.part(sessionId, firmId), "polling-service", parts, notes);
        } catch (RuntimeException e) {
            parts.values().forEach(AuditBundle::delete);
            throw e;
        }
        return new Prepared(session, requestedBy, decisions, parts, notes);
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
        if (!isCompleteZip(file)) {
            throw unavailable(service, "its zip ended before its central directory: the source failed while "
                    + "writing it");
        }
    }

    /** Whether the file is a whole zip (its central directory is there), however many entries it has. */
    static boolean isCompleteZip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static ProblemException unavailable(String service, String why) {
        return new ProblemException(503, "audit-source-unavailable", "Audit material unavailable",
                "The audit bundle needs " + service + "'s raw material, which could not be read (" + why + "). "
                        + "Nothing was produced; try again when the service is back.");
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bundle whose parts are on disk, ready to stream. */
    public final class Prepared {
        private final ReportSession session;
        private final String requestedBy;
        private final byte[] decisions;
        private final Map<String, Path> parts;
        private final List<String> notes;

        Prepared(ReportSession session, String requestedBy, byte[] decisions, Map<String, Path> parts,
                 List<String> notes) {
            this.session = session;
            this.requestedBy = requestedBy;
            this.decisions = decisions;
            this.parts = parts;
            this.notes = notes;
        }

        public String fileName() {
            return "teamscpe-audit-" + session.sessionId + ".zip";
        }

        public void write(OutputStream out) throws IOException {
            try (AuditZip zip = new AuditZip(out)) {
                zip.add("completion.json", decisions);
                record.write(session, zip);
                for (var part : parts.entrySet()) {
                    try (InputStream in = Files.newInputStream(part.getValue())) {
                        zip.addAll(part.getKey(), in);
                    }
                }
                Map<String, Object> manifest = new LinkedHashMap<>();
                manifest.put("sessionId", session.sessionId);
                manifest.put("firmId", session.firmId);
                manifest.put("title", session.title);
                manifest.put("generatedAt", Instant.now().toString());
                manifest.put("generatedBy", requestedBy);
                manifest.put("notes", notes);
                manifest.put("files", zip.entries());
                zip.add("manifest.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            } finally {
                parts.values().forEach(AuditBundle::delete);
            }
        }
    }
}
