package io.teamscpe.polling;

import io.teamscpe.polling.reconcile.MatchMethod;
import io.teamscpe.polling.reconcile.Suggestion;
import java.util.List;

/** The respondents of a session's polls, matched and unmatched, and how many responses were anonymous. */
public record Respondents(List<Respondent> unmatched, List<Respondent> matched, int anonymousResponses) {
    /** One respondent, who they were matched to and how; an unmatched one carries suggestions. */
    public record Respondent(String respondentKey, String email, String name, int responses, String participantKey,
                             String professionalId, MatchMethod matchMethod, List<Suggestion> suggestions) {
    }
}
