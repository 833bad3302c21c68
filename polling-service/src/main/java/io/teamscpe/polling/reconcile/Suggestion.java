package io.teamscpe.polling.reconcile;

/** A person an unmatched respondent may be, with a similarity score from 0 to 1. */
public record Suggestion(String participantKey, String professionalId, String displayName, String email,
                         double score, String reason) {
}
