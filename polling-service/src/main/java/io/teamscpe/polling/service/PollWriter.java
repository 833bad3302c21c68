package io.teamscpe.polling.service;

import io.teamscpe.contracts.poll.PollReplaced;
import io.teamscpe.contracts.poll.PollUploaded;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.polling.Poll;
import io.teamscpe.polling.PollFile;
import io.teamscpe.polling.PollSession;
import io.teamscpe.polling.parse.ParsedPoll;
import io.teamscpe.polling.parse.ParsedResponse;
import io.teamscpe.polling.reconcile.Names;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Stores parsed polls (a whole upload in one transaction) and publishes them through the outbox. */
@ApplicationScoped
public class PollWriter {
    private final Reconciliation reconciliation;
    private final ResponseStore responses;
    private final FileStore files;
    private final PollPublisher publisher;
    private final History history;

    public PollWriter(Reconciliation reconciliation, ResponseStore responses, FileStore files,
                      PollPublisher publisher, History history) {
        this.reconciliation = reconciliation;
        this.responses = responses;
        this.files = files;
        this.publisher = publisher;
        this.history = history;
    }

    /** A file that parsed. */
    public record Accepted(String fileName, Path path, long size, String sha256, ParsedPoll parsed) {
    }

    @Transactional
    public List<Poll> create(String firmId, String user, PollSession session, List<Accepted> accepted, ZoneId zone) {
        Reconciliation.Context ctx = reconciliation.context(firmId, session.sessionId);
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
            poll.sessionId = session.sessionId;
            poll.revision = 1;
            poll.included = true;
            // one microsecond apart, so the session's list keeps the order the files were uploaded in
            poll.createdAt = now.plus(created.size(), ChronoUnit.MICROS);
            List<StoredResponse> stored = apply(poll, session, a, zone, ctx, now);
            poll.persist();
            files.insert(new FileStore.NewFile(UUID.randomUUID(), poll.id, firmId, session.sessionId, 1, a.fileName(),
                    a.sha256(), a.path(), a.size(), user, now));
            responses.replace(poll.id, stored);
            history.record(poll, "UPLOADED", "'" + a.fileName() + "' (sha256 " + a.sha256() + ")", user);
            publisher.revision(poll, stored, chunks -> new PollUploaded(poll.sessionId, firmId, poll.id.toString(),
                    poll.revision, poll.question, poll.options, poll.multiSelect, a.fileName(), a.sha256(), user,
                    poll.responseCount, poll.anonymousCount, poll.matchedCount, chunks, poll.included, poll.timeZone,
                    now));
            created.add(poll);
        }
        return created;
    }

    @Transactional
    public Poll replace(String firmId, String user, PollSession session, UUID pollId, Accepted a, ZoneId zone) {
        Poll poll = Poll.findInSession(firmId, session.sessionId, pollId)
                .orElseThrow(() -> ProblemException.notFound("Poll", pollId.toString()));
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
        Reconciliation.Context ctx = reconciliation.context(firmId, session.sessionId);
        List<StoredResponse> stored = apply(poll, session, a, zone, ctx, now);
        if (sameFile) {
            // the same bytes read in another zone: the file row stays, the responses' instants change
            responses.replace(poll.id, stored);
            history.record(poll, "REREAD", "'" + old.fileName + "' read in " + zone.getId() + " instead of "
                    + previousZone, user);
        } else {
            old.current = false;
            files.insert(new FileStore.NewFile(UUID.randomUUID(), poll.id, firmId, session.sessionId, poll.revision,
                    a.fileName(), a.sha256(), a.path(), a.size(), user, now));
            responses.replace(poll.id, stored);
            history.record(poll, "REPLACED", "'" + old.fileName + "' (sha256 " + old.sha256 + ") replaced by '"
                    + a.fileName() + "' (sha256 " + a.sha256() + ")", user);
        }
        String fileName = sameFile ? old.fileName : a.fileName();
        publisher.revision(poll, stored, chunks -> new PollReplaced(poll.sessionId, firmId, poll.id.toString(),
                poll.revision, poll.question, poll.options, poll.multiSelect, fileName, a.sha256(), old.fileName,
                old.sha256, user, poll.responseCount, poll.anonymousCount, poll.matchedCount, chunks, poll.included,
                poll.timeZone, now));
        return poll;
    }

    private List<StoredResponse> apply(Poll poll, PollSession session, Accepted a, ZoneId zone,
                                       Reconciliation.Context ctx, Instant now) {
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
        Reconciliation.count(poll, stored);
        poll.timeCheck = reconciliation.timeCheck(session, zone, stored, ctx);
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
