package io.teamscpe.polling.service;

import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.web.IfMatch;
import io.teamscpe.polling.CurrentPoll;
import io.teamscpe.polling.PollExportFormat;
import io.teamscpe.polling.PollFile;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.polling.UploadOutcome;
import io.teamscpe.polling.UploadOutcome.AlreadyUploaded;
import io.teamscpe.polling.config.PollingConfig;
import io.teamscpe.polling.parse.ParsedPoll;
import io.teamscpe.polling.parse.PollFileException;
import io.teamscpe.polling.service.PollWriter.Accepted;
import io.teamscpe.polling.service.PollWriter.Target;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Uploads are atomic: every file is checked and parsed before anything is stored; one unusable file rejects the
 * upload with a reason for each file, and nothing is written. Transactions (all in {@link PollWriter}): one reads
 * the session and the firm's files with the upload's hashes; parsing runs outside any transaction; one writes
 * every poll of the upload (re-checking the hashes) and reads the polls back for the answer.
 */
@ApplicationScoped
public class PollUploadService {
    private static final Logger LOG = Logger.getLogger(PollUploadService.class);

    private final PollingConfig config;
    private final PollWriter writer;
    private final PollExportFormat format;

    public PollUploadService(PollingConfig config, PollWriter writer, PollExportFormat format) {
        this.config = config;
        this.writer = writer;
        this.format = format;
    }

    /** One uploaded file, already on disk. */
    public record Upload(String fileName, Path path, long size) {
    }

    public UploadOutcome upload(String firmId, String user, String sessionId, List<Upload> uploads, String timeZone) {
        if (uploads.isEmpty()) {
            throw ProblemException.badRequest("no-files", "No files",
                    "The upload holds no files. Send the Forms exports as multipart/form-data parts named 'files'.");
        }
        if (uploads.size() > config.maxFilesPerUpload()) {
            throw new ProblemException(413, "too-many-files", "Too many files",
                    uploads.size() + " files were sent; one upload takes at most " + config.maxFilesPerUpload()
                            + ". Upload the exports in several batches.")
                    .with("limit", config.maxFilesPerUpload()).with("received", uploads.size());
        }
        Map<Upload, String> shas = new LinkedHashMap<>();
        uploads.stream().filter(u -> UploadNames.problem(u.fileName()) == null)
                .forEach(u -> shas.put(u, sha256(u.path())));
        Target target = writer.target(firmId, sessionId, shas.values());
        KnownSession session = target.session();
        ZoneId zone = zone(timeZone, session);
        Map<String, Accepted> accepted = new LinkedHashMap<>();
        List<AlreadyUploaded> already = new ArrayList<>();
        List<FileReport> report = new ArrayList<>();
        for (Upload u : uploads) {
            PollFileException badName = UploadNames.problem(u.fileName());
            if (badName != null) {
                report.add(FileReport.rejected(UploadNames.printable(u.fileName()), badName));
                continue;
            }
            String sha = shas.get(u);
            PollFile existing = target.existingBySha().get(sha);
            if (existing != null && !existing.sessionId.equals(sessionId)) {
                report.add(FileReport.rejected(u.fileName(), new PollFileException("poll-file-in-another-session",
                        "File belongs to another session", "a file not yet uploaded to another session",
                        "the file of poll " + existing.pollId + " of session " + existing.sessionId,
                        "This exact file was uploaded to another session. Forms exports carry no meeting id: check "
                                + "which session the poll was run in.")));
                continue;
            }
            if (existing != null || accepted.containsKey(sha)) {
                UUID pollId = existing == null ? null : existing.pollId;
                already.add(new AlreadyUploaded(u.fileName(), sha, pollId, existing != null
                        ? "Already uploaded as poll " + pollId + (existing.current ? "" : " (an earlier file of "
                        + "it, since replaced)") + "; not stored again."
                        : "Same content as '" + accepted.get(sha).fileName() + "' in this upload; stored once."));
                report.add(FileReport.alreadyUploaded(u.fileName()));
                continue;
            }
            try {
                ParsedPoll parsed = format.parse(u.path());
                accepted.put(sha, new Accepted(u.fileName(), u.path(), u.size(), sha, parsed));
                report.add(FileReport.ok(u.fileName()));
            } catch (PollFileException e) {
                report.add(FileReport.rejected(u.fileName(), e));
            }
        }
        long bad = report.stream().filter(FileReport::isRejected).count();
        if (bad > 0) {
            throw new ProblemException(422, "poll-upload-rejected", "Upload rejected",
                    bad + " of " + uploads.size() + " file(s) cannot be used, so nothing was stored. Each file's "
                            + "reason is listed in 'files'; fix or remove those files and upload again.")
                    .with("files", report);
        }
        List<CurrentPoll> created = accepted.isEmpty() ? List.of()
                : writer.create(firmId, user, session, List.copyOf(accepted.values()), zone);
        LOG.infof("session %s: %d poll(s) uploaded, %d already there", sessionId, created.size(), already.size());
        return new UploadOutcome(created, already);
    }

    /** Replaces the poll's file; the poll as it is afterwards, with its new current file. */
    public CurrentPoll replace(String firmId, String user, String sessionId, UUID pollId, Upload upload,
                               String timeZone, IfMatch ifMatch) {
        KnownSession session = writer.target(firmId, sessionId, List.of()).session();
        ZoneId zone = zone(timeZone, session);
        PollFileException badName = UploadNames.problem(upload.fileName());
        if (badName != null) {
            throw refusal(UploadNames.printable(upload.fileName()), badName);
        }
        String sha = sha256(upload.path());
        ParsedPoll parsed;
        try {
            parsed = format.parse(upload.path());
        } catch (PollFileException e) {
            throw refusal(upload.fileName(), e);
        }
        return writer.replace(firmId, user, session, pollId,
                new Accepted(upload.fileName(), upload.path(), upload.size(), sha, parsed), zone, ifMatch);
    }

    private static ProblemException refusal(String fileName, PollFileException e) {
        ProblemException problem = new ProblemException(422, e.kind(), e.title(), e.getMessage())
                .with("fileName", fileName).with("expected", e.expected()).with("found", e.found());
        if (e.row() != null) {
            problem.with("row", e.row()).with("column", e.column());
        }
        return problem;
    }

    private static ZoneId zone(String timeZone, KnownSession session) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.of(session.timeZone());
        }
        try {
            return ZoneId.of(timeZone.trim());
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("invalid-time-zone", "Unknown time zone", "timeZone '" + timeZone
                    + "' is neither an IANA zone (America/New_York) nor a UTC offset (+02:00).");
        }
    }

    static String sha256(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
