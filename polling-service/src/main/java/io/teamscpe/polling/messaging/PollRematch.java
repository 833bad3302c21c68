package io.teamscpe.polling.messaging;

import io.teamscpe.contracts.poll.PollReconciled;
import io.teamscpe.polling.HistoryAction;
import io.teamscpe.polling.Poll;
import io.teamscpe.polling.PollMatching;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.platform.readmodel.KnownSessions;
import io.teamscpe.polling.RematchReason;
import io.teamscpe.polling.StoredResponse;
import io.teamscpe.polling.config.PollingConfig;
import io.teamscpe.polling.reconcile.MatchContext;
import io.teamscpe.polling.store.History;
import io.teamscpe.polling.store.MatchContexts;
import io.teamscpe.polling.store.ResponseStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Projects a change of what respondents are matched against (attendance, enrollments, a mapping) onto the session's
 * polls: matches them again and publishes a new revision of each poll whose matches changed.
 */
@ApplicationScoped
public class PollRematch {
    private final KnownSessions sessions;
    private final MatchContexts contexts;
    private final ResponseStore responses;
    private final History history;
    private final PollPublisher publisher;
    private final PollingConfig config;

    public PollRematch(KnownSessions sessions, MatchContexts contexts, ResponseStore responses, History history,
                       PollPublisher publisher, PollingConfig config) {
        this.sessions = sessions;
        this.contexts = contexts;
        this.responses = responses;
        this.history = history;
        this.publisher = publisher;
        this.config = config;
    }

    /** The number of polls whose matches changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int session(String firmId, String sessionId, RematchReason reason) {
        // locked: an admin's edit of a poll and a rematch never overwrite each other (JPA @Version would refuse it)
        List<Poll> polls = Poll.lockAllInSession(firmId, sessionId);
        KnownSession session = sessions.find(sessionId).orElse(null);
        if (polls.isEmpty() || session == null) {
            return 0;
        }
        MatchContext ctx = contexts.of(firmId, sessionId);
        int changedPolls = 0;
        for (Poll poll : polls) {
            List<StoredResponse> stored = responses.load(poll.id);
            List<StoredResponse> changed = PollMatching.rematch(stored, ctx);
            poll.timeCheck = PollMatching.timeCheck(session, ZoneId.of(poll.timeZone), stored, ctx,
                    config.earlyGrace(), config.lateGrace());
            if (changed.isEmpty()) {
                continue;
            }
            changedPolls++;
            Instant now = Instant.now();
            responses.updateMatches(poll.id, changed);
            poll.revision++;
            poll.updatedAt = now;
            PollMatching.count(poll, stored);
            history.record(poll, HistoryAction.REMATCHED, reason + ": " + changed.size()
                    + " response(s) matched differently", "system");
            publisher.revision(poll, stored, chunks -> new PollReconciled(sessionId, firmId, poll.id.toString(),
                    poll.revision, poll.responseCount, poll.anonymousCount, poll.matchedCount, chunks, poll.included,
                    reason.name(), now));
        }
        return changedPolls;
    }
}
