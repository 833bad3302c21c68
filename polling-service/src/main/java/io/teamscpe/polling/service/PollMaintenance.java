package io.teamscpe.polling.service;

import io.teamscpe.contracts.poll.PollExcluded;
import io.teamscpe.contracts.poll.PollIncluded;
import io.teamscpe.contracts.poll.PollReconciled;
import io.teamscpe.contracts.poll.RespondentMapped;
import io.teamscpe.platform.outbox.Outbox;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.polling.Poll;
import io.teamscpe.polling.PollFile;
import io.teamscpe.polling.PollSession;
import io.teamscpe.polling.reconcile.Names;
import io.teamscpe.polling.rest.PollApi;
import io.teamscpe.polling.rest.PollApi.MapRespondent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Changes to existing polls: exclude/include, respondent mappings, and matching again when attendance changes. */
@ApplicationScoped
public class PollMaintenance {
    private final Reconciliation reconciliation;
    private final ResponseStore responses;
    private final PollPublisher publisher;
    private final History history;
    private final Outbox outbox;
    private final EntityManager em;

    public PollMaintenance(Reconciliation reconciliation, ResponseStore responses, PollPublisher publisher,
                           History history, Outbox outbox, EntityManager em) {
        this.reconciliation = reconciliation;
        this.responses = responses;
        this.publisher = publisher;
        this.history = history;
        this.outbox = outbox;
        this.em = em;
    }

    /** Excludes the poll from credit (with the reason, required by the API) or includes it again. */
    @Transactional
    public PollApi.PollView setIncluded(String firmId, String user, String sessionId, UUID pollId, boolean included,
                                        String reason) {
        Poll poll = Poll.findInSession(firmId, sessionId, pollId)
                .orElseThrow(() -> ProblemException.notFound("Poll", pollId.toString()));
        if (poll.included != included) {
            change(poll, firmId, user, sessionId, included, reason == null || reason.isBlank() ? null : reason.strip());
        }
        return PollApi.PollView.of(poll, PollFile.currentOf(poll.id).orElseThrow());
    }

    private void change(Poll poll, String firmId, String user, String sessionId, boolean included, String reason) {
        Instant now = Instant.now();
        poll.included = included;
        poll.excludedReason = included ? null : reason;
        poll.updatedAt = now;
        history.record(poll, included ? "INCLUDED" : "EXCLUDED", reason, user);
        outbox.publish(included ? new PollIncluded(sessionId, firmId, poll.id.toString(), user, now)
                : new PollExcluded(sessionId, firmId, poll.id.toString(), reason, user, now));
    }

    @Transactional
    public int map(String firmId, String user, String sessionId, MapRespondent request) {
        PollSession.findInFirm(firmId, sessionId)
                .orElseThrow(() -> ProblemException.notFound("Session", sessionId));
        String key = request.respondentKey() != null && !request.respondentKey().isBlank()
                ? request.respondentKey().trim() : Names.respondentKey(request.email(), request.name());
        if (key == null || !(key.startsWith("email:") || key.startsWith("name:"))) {
            throw ProblemException.badRequest("respondent-required", "Which respondent?",
                    "Send the respondentKey listed by GET /api/sessions/{id}/polls/respondents, or the respondent's "
                            + "email or name.");
        }
        Instant now = Instant.now();
        em.createNativeQuery("""
                        insert into respondent_mapping (firm_id, respondent_key, professional_id, professional_email,
                            participant_key, mapped_by, mapped_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (firm_id, respondent_key) do update set professional_id = excluded.professional_id,
                            professional_email = excluded.professional_email,
                            participant_key = excluded.participant_key, mapped_by = excluded.mapped_by,
                            mapped_at = excluded.mapped_at""")
                .setParameter(1, firmId).setParameter(2, key).setParameter(3, request.professionalId().trim())
                .setParameter(4, Names.email(request.professionalEmail())).setParameter(5, request.participantKey())
                .setParameter(6, user).setParameter(7, now).executeUpdate();
        outbox.publish(new RespondentMapped(sessionId, firmId, key, request.email(), request.name(),
                request.professionalId().trim(), Names.email(request.professionalEmail()), request.participantKey(),
                user, now));
        return rematchSession(firmId, sessionId, "RESPONDENT_MAPPED");
    }

    /** Matches the session's polls again; publishes a new revision of each poll whose matches changed. */
    @Transactional
    public int rematchSession(String firmId, String sessionId, String reason) {
        List<Poll> polls = Poll.listInSession(firmId, sessionId);
        PollSession session = PollSession.findById(sessionId);
        if (polls.isEmpty() || session == null) {
            return 0;
        }
        Reconciliation.Context ctx = reconciliation.context(firmId, sessionId);
        int changedPolls = 0;
        for (Poll poll : polls) {
            List<StoredResponse> stored = responses.load(poll.id);
            List<StoredResponse> changed = reconciliation.rematch(stored, ctx);
            poll.timeCheck = reconciliation.timeCheck(session, ZoneId.of(poll.timeZone), stored, ctx);
            if (changed.isEmpty()) {
                continue;
            }
            changedPolls++;
            Instant now = Instant.now();
            responses.updateMatches(poll.id, changed);
            poll.revision++;
            poll.updatedAt = now;
            Reconciliation.count(poll, stored);
            history.record(poll, "REMATCHED", reason + ": " + changed.size() + " response(s) matched differently",
                    "system");
            publisher.revision(poll, stored, chunks -> new PollReconciled(sessionId, firmId, poll.id.toString(),
                    poll.revision, poll.responseCount, poll.anonymousCount, poll.matchedCount, chunks, poll.included,
                    reason, now));
        }
        return changedPolls;
    }
}
