package io.teamscpe.polling;

import io.teamscpe.contracts.poll.PollResponse;
import io.teamscpe.polling.reconcile.Match;
import io.teamscpe.polling.reconcile.MatchMethod;
import java.time.Instant;
import java.util.List;

/** A row of poll_response: one response of a poll's current revision, with its match. */
public record StoredResponse(int seq, String responseId, String email, String name, String respondentKey,
                             boolean anonymous, List<String> answers, Instant startedAt, Instant completedAt,
                             String participantKey, String professionalId, MatchMethod matchMethod) {
    public StoredResponse withMatch(Match m) {
        return new StoredResponse(seq, responseId, email, name, respondentKey, anonymous, answers, startedAt,
                completedAt, m.participantKey(), m.professionalId(), m.method());
    }

    public boolean matched() {
        return participantKey != null || professionalId != null;
    }

    /** The match method's stored and published name, or null when unmatched. */
    public String matchMethodName() {
        return matchMethod == null ? null : matchMethod.name();
    }

    public PollResponse toEvent() {
        return new PollResponse(responseId, email, name, anonymous, answers, startedAt, completedAt, participantKey,
                professionalId, matchMethodName());
    }
}
