package io.teamscpe.polling.service;

import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.polling.Poll;
import io.teamscpe.polling.PollFile;
import io.teamscpe.polling.PollSession;
import io.teamscpe.polling.rest.PollApi;
import io.teamscpe.polling.rest.PollApi.RespondentView;
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
    private static final String MATCHING_NOTE = "Responses are matched to attendees by email, then by normalized "
            + "name; names shared by several people are never matched automatically.";

    private final ResponseStore responses;
    private final Reconciliation reconciliation;
    private final History history;

    public PollQueries(ResponseStore responses, Reconciliation reconciliation, History history) {
        this.responses = responses;
        this.reconciliation = reconciliation;
        this.history = history;
    }

    @Transactional
    public PollApi.PollList list(String firmId, String sessionId) {
        session(firmId, sessionId);
        List<PollApi.PollView> views = Poll.listInSession(firmId, sessionId).stream()
                .map(p -> PollApi.PollView.of(p, PollFile.currentOf(p.id).orElseThrow())).toList();
        return new PollApi.PollList(sessionId, views, List.of(PollApi.ANONYMOUS_NOTE, MATCHING_NOTE));
    }

    @Transactional
    public PollApi.PollDetail get(String firmId, String sessionId, UUID pollId) {
        Poll p = Poll.findInSession(firmId, sessionId, pollId)
                .orElseThrow(() -> ProblemException.notFound("Poll", pollId.toString()));
        List<PollFile> files = PollFile.list("pollId = ?1 order by revision", p.id);
        PollFile current = files.stream().filter(f -> f.current).findFirst().orElseThrow();
        return new PollApi.PollDetail(PollApi.PollView.of(p, current), files.stream().map(PollApi.FileView::of).toList(),
                history.of(p.id), List.of(PollApi.ANONYMOUS_NOTE));
    }

    @Transactional
    public PollApi.RespondentList respondents(String firmId, String sessionId) {
        session(firmId, sessionId);
        Reconciliation.Context ctx = reconciliation.context(firmId, sessionId);
        Map<String, RespondentView> byKey = new LinkedHashMap<>();
        int anonymous = 0;
        for (Poll poll : Poll.listInSession(firmId, sessionId)) {
            for (StoredResponse r : responses.load(poll.id)) {
                if (r.anonymous() || r.respondentKey() == null) {
                    anonymous++;
                    continue;
                }
                RespondentView seen = byKey.get(r.respondentKey());
                int count = seen == null ? 1 : seen.responses() + 1;
                byKey.put(r.respondentKey(), new RespondentView(r.respondentKey(), r.email(), r.name(), count,
                        r.participantKey(), r.professionalId(), r.matchMethod(), List.of()));
            }
        }
        List<RespondentView> matched = new ArrayList<>();
        List<RespondentView> unmatched = new ArrayList<>();
        for (RespondentView v : byKey.values()) {
            if (v.participantKey() != null || v.professionalId() != null) {
                matched.add(v);
            } else {
                unmatched.add(new RespondentView(v.respondentKey(), v.email(), v.name(), v.responses(), null, null,
                        null, ctx.matcher().suggest(v.email(), v.name(), 3)));
            }
        }
        return new PollApi.RespondentList(unmatched, matched, anonymous, List.of(PollApi.ANONYMOUS_NOTE,
                "Map an unmatched respondent with POST /api/sessions/{id}/polls/respondents/mappings; the firm "
                        + "remembers the mapping for later sessions."));
    }

    private static void session(String firmId, String sessionId) {
        PollSession.findInFirm(firmId, sessionId).orElseThrow(() -> ProblemException.notFound("Session", sessionId));
    }
}
