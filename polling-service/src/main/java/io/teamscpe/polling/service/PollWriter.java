package io.teamscpe.polling.service;

import io.teamscpe.contracts.poll.PollReplaced;
import io.teamscpe.contracts.poll.PollUploaded;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.web.IfMatch;
import io.teamscpe.polling.CurrentPoll;
import io.teamscpe.polling.HistoryAction;
import io.teamscpe.polling.Poll;
import io.teamscpe.polling.PollFile;
import io.teamscpe.polling.PollMatching;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.platform.readmodel.KnownSessions;
import io.teamscpe.polling.StoredResponse;
import io.teamscpe.polling.config.PollingConfig;
import io.teamscpe.polling.messaging.PollPublisher;
import io.teamscpe.polling.parse.ParsedPoll;
import io.teamscpe.polling.parse.ParsedResponse;
import io.teamscpe.polling.reconcile.MatchContext;
import io.teamscpe.platform.people.Names;
import io.teamscpe.polling.store.FileStore;
import io.teamscpe.polling.store.History;
import io.teamscpe.polling.store.MatchContexts;
import io.teamscpe.polling.store.ResponseStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The transactions of an upload: one reads the session and the firm's files with the upload's hashes; after
 * parsing (outside any transaction) one stores the parsed polls (a whole upload, or nothing) and publishes them
 * through the outbox.
 */
@ApplicationScoped
public class PollWriter {
    private final KnownSessions sessions;
    private final MatchContexts contexts;
    private final ResponseStore responses;
    private final FileStore files;
    private final PollPublisher publisher;
    private final History history;
    private final PollingConfig config;

    public PollWriter(KnownSessions sessions, MatchContexts contexts, ResponseStore responses, FileStore files,
                      PollPublisher publisher, History history, PollingConfig config) {
        this.sessions = sessions;
        this.contexts = contexts;
        this.responses = responses;
        this.files = files;
        this.publisher = publisher;
        this.history = history;
        this.config = config;
    }

    /** A file that parsed. */
    public record Accepted(String fileName, Path path, long size, String sha256, ParsedPoll parsed) {
    }

    /** The session polls are uploaded to, and the firm's files that already hold the upload's bytes. */
    public record Target(KnownSession session, Map<String, PollFile> existingBySha) {
    }

    /** Reads the session (404 when the firm has none, 409 when cancelled) and the firm's files with these hashes. */
    @Transactional
    public Target target(String firmId, String sessionId, Collection<String> sha256s) {
        KnownSession s = sessions.findInFirm(firmId, sessionId)
                .orElseThrow(() -> new ProblemException(404, "not-found", "Session not found",
                        "No session with id " + sessionId + " exists in your firm (a session created moments ago "
                                + "may take a few seconds to appear here)."));
        if (s.cancelled()) {
            throw new ProblemException(409, "session-cancelled", "Session cancelled",
                    "Session '" + s.title() + "' was cancelled; polls cannot be uploaded to it.");
        }
        Map<String, PollFile> existing = new HashMap<>();
        for (String sha : sha256s) {
            PollFile.byHash(firmId, sha).ifPresent(f -> existing.put(sha, f));
        }
        return new Target(s, existing);
    }

    /** Stores every accepted file as a new poll; the polls with their files, read in the same transaction. */
    @Transactional
    public List<CurrentPoll> create(String firmId, String user, KnownSession session, List<Accepted> accepted,
                                    ZoneId zone) {
        MatchContext ctx = contexts.of(firmId, session.sessionId());
        List<Poll> created = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (Accepted a : accepted) {
            PollFile.byHash(firmId, a.sha256()).ifPresent(existing -> {
                throw new ProblemException(409, "poll-file-already-uploaded", "File already uploaded",
                        "'" + a.fileName() + "' was uploaded meanwhile as poll " + existing.pollId + ". Nothing was "
                                + "stored; upload the other files again without it.")
                        .with("pollId", existing.pollId.toString());
            });
            Poll poll = new Poll();
            poll.id = UUID.randomUUID();
            poll.firmId = firmId;
            poll.sessionId = session.sessionId();
            poll.revision = 1;
            poll.included = true;
            // one microsecond apart, so the session's list keeps the order the files were uploaded in
            poll.createdAt = now.plus(created.size(), ChronoUnit.MICROS);
            List<StoredResponse> stored = apply(poll, session, a, zone, ctx, now);
            poll.persist();
            files.insert(new FileStore.NewFile(UUID.randomUUID(), poll.id, firmId, session.sessionId(), 1, a.fileName(),
                    a.sha256(), a.path(), a.size(), user, now));
            responses.replace(poll.id, stored);
            history.record(poll, HistoryAction.UPLOADED, "'" + a.fileName() + "' (sha256 " + a.sha256() + ")", user);
            publisher.revision(poll, stored, chunks -> new PollUploaded(poll.sessionId, firmId, poll.id.toString(),
                    poll.revision, poll.question, poll.options, poll.multiSelect, a.fileName(), a.sha256(), user,
                    poll.responseCount, poll.anonymousCount, poll.matchedCount, chunks, poll.included, poll.timeZone,
                    now));
            created.add(poll);
        }
        return created.stream().map(CurrentPoll::of).toList();
    }

    /** Replaces the poll's file (or reads it in another zone); the poll with its new current file. */
    @Transactional
    public CurrentPoll replace(String firmId, String user, KnownSession session, UUID pollId, Accepted a, ZoneId zone,
                               IfMatch ifMatch) {
        Poll poll = Poll.lockInSession(firmId, session.sessionId(), pollId)
                .orElseThrow(() -> ProblemException.notFound("Poll", pollId.toString()));
        ifMatch.require(poll.etag(), "poll");
        PollFile old = PollFile.currentOf(poll.id).orElseThrow();
        boolean sameFile = old.sha256.equals(a.sha256());
        if (sameFile && zone.getId().equals(poll.timeZone)) {
            throw new ProblemException(409, "poll-file-unchanged", "Same file",
                    "'" + a.fileName() + "' is the poll's current file and is already read in " + poll.timeZone
                            + "; nothing changed. To read it in another zone, send timeZone.").with("pollId", poll.id);
        }
        PollFile other = PollFile.find("firmId = ?1 and sha256 = ?2 and pollId <> ?3", firmId, a.sha256(), poll.id)
                .firstResult();
        if (other != null) {
            throw new ProblemException(409, "poll-file-already-uploaded", "File already uploaded",
                    "'" + a.fileName() + "' is already poll " + other.pollId + " of session " + other.sessionId
                            + "; a file can back one poll only.").with("pollId", other.pollId.toString());
        }
        Instant now = Instant.now();
        String previousZone = poll.timeZone;
        poll.revision++;
        MatchContext ctx = contexts.of(firmId, session.sessionId());
        List<StoredResponse> stored = apply(poll, session, a, zone, ctx, now);
        if (sameFile) {
            // the same bytes read in another zone: the file row stays, the responses' instants change
            responses.replace(poll.id, stored);
            history.record(poll, HistoryAction.REREAD, "'" + old.fileName + "' read in " + zone.getId() + " instead of "
                    + previousZone, user);
        } else {
            old.current = false;
            files.insert(new FileStore.NewFile(UUID.randomUUID(), poll.id, firmId, session.sessionId(), poll.revision,
                    a.fileName(), a.sha256(), a.path(), a.size(), user, now));
            responses.replace(poll.id, stored);
            history.record(poll, HistoryAction.REPLACED, "'" + old.fileName + "' (sha256 " + old.sha256 + ") replaced by '"
                    + a.fileName() + "' (sha256 " + a.sha256() + ")", user);
        }
        String fileName = sameFile ? old.fileName : a.fileName();
        publisher.revision(poll, stored, chunks -> new PollReplaced(poll.sessionId, firmId, poll.id.toString(),
                poll.revision, poll.question, poll.options, poll.multiSelect, fileName, a.sha256(), old.fileName,
                old.sha256, user, poll.responseCount, poll.anonymousCount, poll.matchedCount, chunks, poll.included,
                poll.timeZone, now));
        return CurrentPoll.of(poll);
    }

    private List<StoredResponse> apply(Poll poll, KnownSession session, Accepted a, ZoneId zone,
                                       MatchContext ctx, Instant now) {
        ParsedPoll parsed = a.parsed();
        poll.question = parsed.question();
        poll.options = parsed.options();
        poll.multiSelect = parsed.multiSelect();
        poll.timeZone = zone.getId();
        poll.updatedAt = now;
        List<StoredResponse> stored = new ArrayList<>(parsed.responses().size());
        int seq = 0;
        for (ParsedResponse r : parsed.responses()) {
            var match = ctx.matcher().match(r.email, r.name, r.anonymous);
            stored.add(new StoredResponse(++seq, r.responseId, r.email, r.name,
                    r.anonymous ? null : Names.respondentKey(r.email, r.name), r.anonymous, r.answers,
                    instant(r.started(), zone), instant(r.completed(), zone), match.participantKey(),
                    match.professionalId(), match.method()));
        }
        PollMatching.count(poll, stored);
        poll.timeCheck = PollMatching.timeCheck(session, zone, stored, ctx, config.earlyGrace(), config.lateGrace());
        List<String> warnings = new ArrayList<>(parsed.warnings());
        if (poll.timeCheck.warns()) {
            warnings.add(poll.timeCheck.message());
        }
        poll.warnings = warnings;
        return stored;
    }

    private static Instant instant(LocalDateTime local, ZoneId zone) {
        return local == null ? null : local.atZone(zone).toInstant();
    }
}
