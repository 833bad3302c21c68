package io.teamscpe.polling.service;

import io.teamscpe.contracts.poll.PollResponse;
import io.teamscpe.polling.reconcile.Match;
import java.time.Instant;
import java.util.List;

/** A row of poll_response: one response of a poll's current revision, with its match. */
public record StoredResponse(int seq, String responseId, String email, String name, String respondentKey,
                             boolean anonymous, List<String> answers, Instant startedAt, Instant completedAt,
                             String participantKey, String professionalId, String matchMethod) {
    public StoredResponse withMatch(Match m) {
        return new StoredResponse(seq, responseId, email, name, respondentKey, anonymous, answers, startedAt,
                completedAt, m.participantKey(), m.professionalId(), m.method());
    }

    public boolean matched() {
        return participantKey != null || professionalId != null;
    }

    public PollResponse toEvent() {
        return new PollResponse(responseId, email, name, anonymous, answers, startedAt, completedAt, participantKey,
                professionalId, matchMethod);
    }
}
