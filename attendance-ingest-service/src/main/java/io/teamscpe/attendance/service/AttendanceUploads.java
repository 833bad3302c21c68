package io.teamscpe.attendance.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamscpe.attendance.AttendanceFileFormat;
import io.teamscpe.attendance.IngestionJob;
import io.teamscpe.attendance.IngestionJob.State;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.attendance.config.IngestConfig;
import io.teamscpe.attendance.normalize.AttendanceRow;
import io.teamscpe.attendance.service.SnapshotCommit.Committed;
import io.teamscpe.attendance.store.Staging;
import io.teamscpe.attendance.upload.AttendanceFileException;
import io.teamscpe.attendance.upload.ParsedAttendanceFile;
import io.teamscpe.attendance.upload.UploadedFile;
import io.teamscpe.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The manual fallback: a Teams "Download attendance list" file becomes the session's snapshot (source
 * {@code upload}) exactly as a Graph fetch would, in one transaction: the same normalized rows and events, and the
 * file kept verbatim with its hash. A file that cannot be read changes nothing and names the line to fix. The file
 * is read by the platform's {@link AttendanceFileFormat}.
 */
@ApplicationScoped
public class AttendanceUploads {
    private final TrackedSessions sessions;

    private final Staging staging;
    private final SnapshotCommit commit;
    private final AttendanceFileFormat format;
    private final IngestConfig config;

    public AttendanceUploads(TrackedSessions sessions, Staging staging, SnapshotCommit commit,
                             AttendanceFileFormat format, IngestConfig config) {
        this.sessions = sessions;
        this.staging = staging;
        this.commit = commit;
        this.format = format;
        this.config = config;
    }

    public IngestionJob upload(String firmId, String sessionId, String fileName, byte[] content, String uploadedBy) {
        KnownSession session = QuarkusTransaction.requiringNew().call(() -> sessions.find(firmId,
                sessionId));
        if (session.cancelled()) {
            throw new ProblemException(409, "session-cancelled", "Session cancelled",
                    "The session was cancelled; its attendance is not recorded.");
        }
        if (content.length == 0) {
            throw new ProblemException(422, "attendance-file-invalid", "Empty attendance file",
                    "The file '" + fileName + "' is empty. In Teams, open the meeting's Attendance tab and use "
                            + "'Download', then upload that file unchanged.").with("line", 0);
        }
        if (content.length > config.uploadMaxBytes()) {
            throw new ProblemException(413, "attendance-file-too-large", "Attendance file too large",
                    "The file '" + fileName + "' has " + content.length + " bytes; at most "
                            + config.uploadMaxBytes() + " are accepted.");
        }
        ParsedAttendanceFile parsed = parse(session, fileName, content);
        List<AttendanceRow> rows = parsed.records().stream().map(r -> new AttendanceRow(null, r.emailOrUpn(),
                r.displayName(), r.role(), r.intervals())).toList();
        UploadedFile file = new UploadedFile(fileName, sha256(content), content, uploadedBy);
        return QuarkusTransaction.requiringNew().call(() -> {
            IngestionJob job = IngestionJob.findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
            if (job.leased(Instant.now(), config.fetchLease())) {
                throw new ProblemException(409, "fetch-in-progress", "Attendance is being fetched",
                        "A fetch from Microsoft Graph is running for this session; upload the file again when "
                                + "its status is no longer FETCHING.");
            }
            String fetchId = UUID.randomUUID().toString();
            staging.page(fetchId, sessionId, 0, null, null, rows);
            Committed done = commit.commit(session, job, fetchId, List.of(), "upload", file);
            Instant now = Instant.now();
            job.state = done.participants() == 0 ? State.NO_ATTENDEES : State.READY;
            job.detail = (done.changed() ? "" : "Unchanged since the previous snapshot. ") + done.participants()
                    + " participants from the uploaded Teams attendance file '" + fileName + "' (meeting '"
                    + parsed.meetingTitle() + "'). Automatic fetches are off for this session; 'Refresh data' "
                    + "reads Microsoft Graph again.";
            job.reportsUsed = List.of();
            job.pages = 0;
            job.records = rows.size();
            job.nextAttemptAt = null;
            job.lastFetchAt = now;
            job.updatedAt = now;
            return job;
        });
    }

    private ParsedAttendanceFile parse(KnownSession session, String fileName, byte[] content) {
        try {
            return format.parse(new ByteArrayInputStream(content), ZoneId.of(session.timeZone()),
                    session.scheduledStart());
        } catch (AttendanceFileException e) {
            throw new ProblemException(422, "attendance-file-invalid", "Not a usable Teams attendance list",
                    "'" + fileName + "': " + e.getMessage()).with("line", e.line()).with("fileName", fileName);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
