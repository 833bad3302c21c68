package io.teamscpe.polling.service;

import io.teamscpe.contracts.poll.PollExcluded;
import io.teamscpe.contracts.poll.PollIncluded;
import io.teamscpe.contracts.poll.RespondentMapped;
import io.teamscpe.platform.outbox.Outbox;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.web.IfMatch;
import io.teamscpe.polling.CurrentPoll;
import io.teamscpe.polling.HistoryAction;
import io.teamscpe.polling.Poll;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.platform.readmodel.KnownSessions;
import io.teamscpe.polling.RematchReason;
import io.teamscpe.polling.messaging.PollRematch;
import io.teamscpe.polling.reconcile.Mapping;
import io.teamscpe.platform.people.Names;
import io.teamscpe.polling.store.History;
import io.teamscpe.polling.store.RespondentMappings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Changes to existing polls: exclude/include, respondent mappings, and matching again when attendance changes. */
@ApplicationScoped
public class PollMaintenance {
    private final KnownSessions sessions;
    private final History history;
    private final RespondentMappings mappings;
    private final PollRematch rematch;
    private final Outbox outbox;

    public PollMaintenance(KnownSessions sessions, History history, RespondentMappings mappings, PollRematch rematch,
                           Outbox outbox) {
        this.sessions = sessions;
        this.history = history;
        this.mappings = mappings;
        this.rematch = rematch;
        this.outbox = outbox;
    }

    /**
     * Excludes the poll from credit (with the reason, required by the API) or includes it again, if the poll is
     * still at the version {@code ifMatch} names (412 otherwise).
     */
    @Transactional
    public CurrentPoll setIncluded(String firmId, String user, String sessionId, UUID pollId, boolean included,
                                   String reason, IfMatch ifMatch) {
        Poll poll = Poll.lockInSession(firmId, sessionId, pollId)
                .orElseThrow(() -> ProblemException.notFound("Poll", pollId.toString()));
        ifMatch.require(poll.etag(), "poll");
        if (poll.included != included) {
            change(poll, firmId, user, sessionId, included, reason == null || reason.isBlank() ? null : reason.strip());
        }
        return CurrentPoll.of(poll);
    }

    private void change(Poll poll, String firmId, String user, String sessionId, boolean included, String reason) {
        Instant now = Instant.now();
        poll.included = included;
        poll.excludedReason = included ? null : reason;
        poll.updatedAt = now;
        history.record(poll, included ? HistoryAction.INCLUDED : HistoryAction.EXCLUDED, reason, user);
        outbox.publish(included ? new PollIncluded(sessionId, firmId, poll.id.toString(), user, now)
                : new PollExcluded(sessionId, firmId, poll.id.toString(), reason, user, now));
    }

    @Transactional
    public int map(String firmId, String user, String sessionId, MapRespondentCommand request) {
        sessions.findInFirm(firmId, sessionId)
                .orElseThrow(() -> ProblemException.notFound("Session", sessionId));
        String key = request.respondentKey() != null && !request.respondentKey().isBlank()
                ? request.respondentKey().trim() : Names.respondentKey(request.email(), request.name());
        if (key == null || !(key.startsWith("email:") || key.startsWith("name:"))) {
            throw ProblemException.badRequest("respondent-required", "Which respondent?",
                    "Send the respondentKey listed by GET /api/sessions/{id}/polls/respondents, or the respondent's "
                            + "email or name.");
        }
        Instant now = Instant.now();
        String professionalId = request.professionalId().trim();
        String professionalEmail = Names.email(request.professionalEmail());
        mappings.save(firmId, new Mapping(key, professionalId, professionalEmail, request.participantKey()), user, now);
        outbox.publish(new RespondentMapped(sessionId, firmId, key, request.email(), request.name(),
                professionalId, professionalEmail, request.participantKey(), user, now));
        return rematch.session(firmId, sessionId, RematchReason.RESPONDENT_MAPPED);
    }
}
