package io.teamscpe.polling.service;

import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.web.Page;
import io.teamscpe.platform.web.PageRequest;
import io.teamscpe.polling.CurrentPoll;
import io.teamscpe.polling.Poll;
import io.teamscpe.polling.PollFile;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.platform.readmodel.KnownSessions;
import io.teamscpe.polling.PollWithHistory;
import io.teamscpe.polling.Respondents;
import io.teamscpe.polling.Respondents.Respondent;
import io.teamscpe.polling.StoredResponse;
import io.teamscpe.polling.reconcile.MatchContext;
import io.teamscpe.polling.store.History;
import io.teamscpe.polling.store.MatchContexts;
import io.teamscpe.polling.store.ResponseStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading polls, their files and history, and the session's respondents with their matches. */
@ApplicationScoped
public class PollQueries {
    private final KnownSessions sessions;
    private final ResponseStore responses;
    private final MatchContexts contexts;
    private final History history;

    public PollQueries(KnownSessions sessions, ResponseStore responses, MatchContexts contexts, History history) {
        this.sessions = sessions;
        this.responses = responses;
        this.contexts = contexts;
        this.history = history;
    }

    /** One page of the session's polls, each with its current file. */
    @Transactional
    public Page<CurrentPoll> list(String firmId, String sessionId, PageRequest page) {
        session(firmId, sessionId);
        return Poll.pageInSession(firmId, sessionId, page).map(CurrentPoll::of);
    }

    @Transactional
    public PollWithHistory get(String firmId, String sessionId, UUID pollId) {
        Poll p = Poll.findInSession(firmId, sessionId, pollId)
                .orElseThrow(() -> ProblemException.notFound("Poll", pollId.toString()));
        List<PollFile> files = PollFile.ofPoll(p.id);
        PollFile current = files.stream().filter(f -> f.current).findFirst().orElseThrow();
        return new PollWithHistory(new CurrentPoll(p, current), files, history.of(p.id));
    }

    @Transactional
    public Respondents respondents(String firmId, String sessionId) {
        session(firmId, sessionId);
        MatchContext ctx = contexts.of(firmId, sessionId);
        Map<String, Respondent> byKey = new LinkedHashMap<>();
        int anonymous = 0;
        for (Poll poll : Poll.listInSession(firmId, sessionId)) {
            for (StoredResponse r : responses.load(poll.id)) {
                if (r.anonymous() || r.respondentKey() == null) {
                    anonymous++;
                    continue;
                }
                Respondent seen = byKey.get(r.respondentKey());
                int count = seen == null ? 1 : seen.responses() + 1;
                byKey.put(r.respondentKey(), new Respondent(r.respondentKey(), r.email(), r.name(), count,
                        r.participantKey(), r.professionalId(), r.matchMethod(), List.of()));
            }
        }
        List<Respondent> matched = new ArrayList<>();
        List<Respondent> unmatched = new ArrayList<>();
        for (Respondent v : byKey.values()) {
            if (v.participantKey() != null || v.professionalId() != null) {
                matched.add(v);
            } else {
                unmatched.add(new Respondent(v.respondentKey(), v.email(), v.name(), v.responses(), null, null,
                        null, ctx.matcher().suggest(v.email(), v.name(), 3)));
            }
        }
        return new Respondents(unmatched, matched, anonymous);
    }

    private void session(String firmId, String sessionId) {
        sessions.findInFirm(firmId, sessionId).orElseThrow(() -> ProblemException.notFound("Session", sessionId));
    }
}
