package io.teamscpe.attendance.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.attendance.store.SnapshotArchive;
import io.teamscpe.attendance.store.SnapshotArchive.ArchivedFile;
import io.teamscpe.attendance.store.SnapshotArchive.ArchivedPage;
import io.teamscpe.attendance.store.SnapshotArchive.ArchivedSnapshot;
import io.teamscpe.platform.audit.AuditPart;
import io.teamscpe.platform.audit.AuditZip;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * This service's part of a session's audit bundle: every attendance snapshot ever taken (immutable), each with its
 * raw Microsoft Graph pages or the uploaded Teams attendance file, as received.
 */
@ApplicationScoped
public class AuditMaterial implements AuditPart {
    private final TrackedSessions sessions;
    /** A snapshot's {@code snapshot.json} in the bundle. */
    @JsonPropertyOrder({"snapshotId", "source", "fetchedAt", "contentHash", "participantCount", "reportIds"})
    public record SnapshotManifest(String snapshotId, String source, String fetchedAt, String contentHash,
                            int participantCount, List<String> reportIds) {
        static SnapshotManifest of(ArchivedSnapshot s) {
            return new SnapshotManifest(s.id(), s.source(), s.fetchedAt().toString(), s.contentHash(),
                    s.participantCount(), s.reportIds());
        }
    }

    private final SnapshotArchive archive;
    private final ObjectMapper json;

    public AuditMaterial(TrackedSessions sessions, SnapshotArchive archive, ObjectMapper json) {
        this.sessions = sessions;
        this.archive = archive;
        this.json = json;
    }

    /** Whether the session belongs to the firm (an unknown session is a 404, as everywhere). */
    @Override
    @Transactional
    public boolean known(String firmId, String sessionId) {
        return sessions.exists(firmId, sessionId);
    }

    @Override
    @Transactional
    public void write(String sessionId, OutputStream out) {
        try (AuditZip zip = new AuditZip(out)) {
            for (ArchivedSnapshot s : archive.snapshots(sessionId)) {
                String dir = "snapshot-" + s.id() + "/";
                zip.add(dir + "snapshot.json",
                        json.writerWithDefaultPrettyPrinter().writeValueAsBytes(SnapshotManifest.of(s)));
                if (s.rawPages() != null) {
                    zip.add(dir + "graph-pages.json", s.rawPages());
                }
                for (ArchivedPage p : archive.pages(s.id())) {
                    zip.add(dir + String.format("graph-page-%04d-report-%s.json", p.seq(), p.reportId()), p.body());
                }
                for (ArchivedFile f : archive.files(s.id())) {
                    zip.add(dir + "uploaded-" + f.fileName().replaceAll("[\\\\/]", "_"), f.content());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
