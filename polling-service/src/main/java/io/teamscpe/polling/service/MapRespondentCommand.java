package io.teamscpe.polling.service;

/**
 * Map a respondent (by key, or by email and name) to a professional: what an admin sends, for the firm to
 * remember.
 */
public record MapRespondentCommand(String respondentKey, String email, String name, String professionalId,
                            String professionalEmail, String participantKey) {
}
