package io.teamscpe.polling.reconcile;

import java.util.List;

/**
 * Someone a respondent can be matched to: an attendance participant of the session ({@code participantKey}) or an
 * enrolled professional ({@code professionalId}, with the UPN and alternate emails of the enrollment).
 */
public record Person(String participantKey, String professionalId, String email, String upn,
                     List<String> alternateEmails, String displayName) {
    public static Person participant(String key, String email, String displayName) {
        return new Person(key, null, email, null, List.of(), displayName);
    }
}
