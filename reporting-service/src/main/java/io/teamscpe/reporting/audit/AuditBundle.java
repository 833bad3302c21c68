package io.teamscpe.reporting.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.contracts.session.CreditType;
import io.teamscpe.platform.audit.AuditZip;
import io.teamscpe.platform.readmodel.KnownSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * The zip an auditor keeps for five years, with the other services' parts already on disk, ready to stream:
 * the decisions (the Completion report), reporting's own record, each part, and a manifest with every file's SHA-256.
 * Its temporary files are deleted once written (or by {@link #discard(Map)} when it is never made).
 */
public final class AuditBundle {
    /** Writes reporting's own record of the session into the zip (service: in a transaction of its own). */
    @FunctionalInterface
    public interface RecordWriter {
        void write(KnownSession session, AuditZip zip) throws IOException;
    }

    /**
     * The session as credited, as session.json holds it: {@code maxCredits}, {@code rulesetId} and
     * {@code rulesetVersion} are the first credit type's; {@code creditTypes} lists every one.
     */
    public record AuditedSession(String sessionId, String title, String scheduledStart, String scheduledEnd,
                                 String timeZone, BigDecimal maxCredits, List<String> fieldsOfStudy,
                                 String deliveryMethod, String rulesetId, Integer rulesetVersion, int revision,
                                 boolean cancelled, List<CreditType> creditTypes) {
        public static AuditedSession of(KnownSession s, List<CreditType> creditTypes) {
            return new AuditedSession(s.sessionId(), s.title(), String.valueOf(s.scheduledStart()),
                    String.valueOf(s.scheduledEnd()), s.timeZone(), s.maxCredits(), s.fieldsOfStudy(),
                    s.deliveryMethod(), s.rulesetId(), s.rulesetVersion(), s.revision(), s.cancelled(),
                    creditTypes);
        }
    }

    /** What manifest.json says: whose bundle, made when and by whom, with what notes, and every file's hash. */
    public record Manifest(String sessionId, String firmId, String title, String generatedAt, String generatedBy,
                           List<String> notes, List<AuditZip.Entry> files) {
    }

    private final KnownSession session;
    private final String requestedBy;
    private final byte[] decisions;
    private final Map<String, Path> parts;
    private final List<String> notes;
    private final RecordWriter record;
    private final ObjectMapper json;

    /**
     * @param decisions the Completion report's JSON
     * @param parts     per prefix in the zip, a whole zip of another service's material (a temporary file)
     */
    public AuditBundle(KnownSession session, String requestedBy, byte[] decisions, Map<String, Path> parts,
                       List<String> notes, RecordWriter record, ObjectMapper json) {
        this.session = session;
        this.requestedBy = requestedBy;
        this.decisions = decisions;
        this.parts = parts;
        this.notes = notes;
        this.record = record;
        this.json = json;
    }

    public String fileName() {
        return "teamscpe-audit-" + session.sessionId() + ".zip";
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
            Manifest manifest = new Manifest(session.sessionId(), session.firmId(), session.title(),
                    Instant.now().toString(), requestedBy, notes, zip.entries());
            zip.add("manifest.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        } finally {
            discard(parts);
        }
    }

    /** Whether the file is a whole zip (its central directory is there), however many entries it has. */
    public static boolean isCompleteZip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes the parts' temporary files. */
    public static void discard(Map<String, Path> parts) {
        for (Path file : parts.values()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
