package io.teamscpe.polling.reconcile;

/** A respondent an admin mapped to a professional; remembered for the firm. */
public record Mapping(String respondentKey, String professionalId, String professionalEmail, String participantKey) {
}
