package io.teamscpe.polling.service;

import io.teamscpe.platform.problem.Problem;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.polling.Poll;
import io.teamscpe.polling.PollFile;
import io.teamscpe.polling.PollSession;
import io.teamscpe.polling.config.PollingConfig;
import io.teamscpe.polling.parse.FormsExportParser;
import io.teamscpe.polling.parse.ParseLimits;
import io.teamscpe.polling.parse.ParsedPoll;
import io.teamscpe.polling.parse.PollFileException;
import io.teamscpe.polling.rest.PollApi;
import io.teamscpe.polling.rest.PollApi.AlreadyUploaded;
import io.teamscpe.polling.service.PollWriter.Accepted;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Uploads are atomic: every file is checked and parsed (outside any transaction) before anything is stored; one
 * unusable file rejects the upload with a reason for each file, and nothing is written.
 */
@ApplicationScoped
public class PollUploadService {
    private static final Logger LOG = Logger.getLogger(PollUploadService.class);

    private final PollingConfig config;
    private final PollWriter writer;
    private final FormsExportParser parser;

    public PollUploadService(PollingConfig config, PollWriter writer) {
        this.config = config;
        this.writer = writer;
        this.parser = new FormsExportParser(new ParseLimits(config.maxFileBytes(), config.maxZipEntries(),
                config.maxEntryBytes(), config.minInflateRatio(), config.maxCellChars(), config.maxResponses(),
                config.maxOptions()));
    }

    /** One uploaded file, already on disk. */
    public record Upload(String fileName, Path path, long size) {
    }

    public PollApi.UploadResult upload(String firmId, String user, String sessionId, List<Upload> uploads,
                                       String timeZone) {
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
        PollSession session = session(firmId, sessionId);
        ZoneId zone = zone(timeZone, session);
        Map<String, Accepted> accepted = new LinkedHashMap<>();
        List<AlreadyUploaded> already = new ArrayList<>();
        List<Map<String, Object>> report = new ArrayList<>();
        boolean rejected = false;
        for (Upload u : uploads) {
            PollFileException badName = UploadNames.problem(u.fileName());
            if (badName != null) {
                rejected = true;
                report.add(rejection(UploadNames.printable(u.fileName()), badName));
                continue;
            }
            String sha = sha256(u.path());
            Optional<PollFile> existing = QuarkusTransaction.requiringNew().call(() -> PollFile.byHash(firmId, sha));
            if (existing.isPresent() && !existing.get().sessionId.equals(sessionId)) {
                rejected = true;
                report.add(rejection(u.fileName(), new PollFileException("poll-file-in-another-session",
                        "File belongs to another session", "a file not yet uploaded to another session",
                        "the file of poll " + existing.get().pollId + " of session " + existing.get().sessionId,
                        "This exact file was uploaded to another session. Forms exports carry no meeting id: check "
                                + "which session the poll was run in.")));
                continue;
            }
            if (existing.isPresent() || accepted.containsKey(sha)) {
                UUID pollId = existing.map(f -> f.pollId).orElse(null);
                already.add(new AlreadyUploaded(u.fileName(), sha, pollId, existing.isPresent()
                        ? "Already uploaded as poll " + pollId + (existing.get().current ? "" : " (an earlier file of "
                        + "it, since replaced)") + "; not stored again."
                        : "Same content as '" + accepted.get(sha).fileName() + "' in this upload; stored once."));
                report.add(Map.of("fileName", u.fileName(), "status", "ALREADY_UPLOADED"));
                continue;
            }
            try {
                ParsedPoll parsed = parser.parse(u.path());
                accepted.put(sha, new Accepted(u.fileName(), u.path(), u.size(), sha, parsed));
                report.add(Map.of("fileName", u.fileName(), "status", "OK"));
            } catch (PollFileException e) {
                rejected = true;
                report.add(rejection(u.fileName(), e));
            }
        }
        if (rejected) {
            long bad = report.stream().filter(r -> "REJECTED".equals(r.get("status"))).count();
            throw new ProblemException(422, "poll-upload-rejected", "Upload rejected",
                    bad + " of " + uploads.size() + " file(s) cannot be used, so nothing was stored. Each file's "
                            + "reason is listed in 'files'; fix or remove those files and upload again.")
                    .with("files", report);
        }
        List<Poll> created = accepted.isEmpty() ? List.of()
                : writer.create(firmId, user, session, List.copyOf(accepted.values()), zone);
        LOG.infof("session %s: %d poll(s) uploaded, %d already there", sessionId, created.size(), already.size());
        return new PollApi.UploadResult(created.stream().map(p -> PollApi.PollView.of(p,
                QuarkusTransaction.requiringNew().call(() -> PollFile.currentOf(p.id).orElseThrow()))).toList(),
                already, List.of(PollApi.ANONYMOUS_NOTE));
    }

    /** Replaces the poll's file; the poll as it is afterwards, with its new current file. */
    public PollApi.PollView replace(String firmId, String user, String sessionId, UUID pollId, Upload upload,
                                    String timeZone) {
        PollSession session = session(firmId, sessionId);
        ZoneId zone = zone(timeZone, session);
        PollFileException badName = UploadNames.problem(upload.fileName());
        if (badName != null) {
            throw refusal(UploadNames.printable(upload.fileName()), badName);
        }
        String sha = sha256(upload.path());
        ParsedPoll parsed;
        try {
            parsed = parser.parse(upload.path());
        } catch (PollFileException e) {
            throw refusal(upload.fileName(), e);
        }
        Poll poll = writer.replace(firmId, user, session, pollId,
                new Accepted(upload.fileName(), upload.path(), upload.size(), sha, parsed), zone);
        return PollApi.PollView.of(poll, QuarkusTransaction.requiringNew()
                .call(() -> PollFile.currentOf(poll.id).orElseThrow()));
    }

    private static ProblemException refusal(String fileName, PollFileException e) {
        ProblemException problem = new ProblemException(422, e.kind(), e.title(), e.getMessage())
                .with("fileName", fileName).with("expected", e.expected()).with("found", e.found());
        if (e.row() != null) {
            problem.with("row", e.row()).with("column", e.column());
        }
        return problem;
    }

    private static Map<String, Object> rejection(String fileName, PollFileException e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fileName", fileName);
        m.put("status", "REJECTED");
        m.put("type", Problem.TYPE_BASE + e.kind());
        m.put("title", e.title());
        m.put("expected", e.expected());
        m.put("found", e.found());
        if (e.row() != null) {
            m.put("row", e.row());
            m.put("column", e.column());
        }
        m.put("detail", e.getMessage());
        return m;
    }

    private static PollSession session(String firmId, String sessionId) {
        PollSession s = QuarkusTransaction.requiringNew().call(() -> PollSession.findInFirm(firmId, sessionId))
                .orElseThrow(() -> new ProblemException(404, "not-found", "Session not found",
                        "No session with id " + sessionId + " exists in your firm (a session created moments ago "
                                + "may take a few seconds to appear here)."));
        if (s.cancelled) {
            throw new ProblemException(409, "session-cancelled", "Session cancelled",
                    "Session '" + s.title + "' was cancelled; polls cannot be uploaded to it.");
        }
        return s;
    }

    private static ZoneId zone(String timeZone, PollSession session) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.of(session.timeZone);
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
