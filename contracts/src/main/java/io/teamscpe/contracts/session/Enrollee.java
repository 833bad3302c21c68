package io.teamscpe.contracts.session;

import java.util.List;

/**
 * A professional enrolled in a session, as the LMS knows them; attendance and poll responses are matched on
 * {@code email} and {@code alternateEmails} (all lower case).
 *
 * @param creditTypes the codes of the session's credit types the professional seeks; null or empty = all of them
 */
public record Enrollee(String lmsId, String email, List<String> alternateEmails, String displayName,
                       List<String> creditTypes) {

    /** An enrollee as published before credit types existed: seeks every credit type. */
    public Enrollee(String lmsId, String email, List<String> alternateEmails, String displayName) {
        this(lmsId, email, alternateEmails, displayName, null);
    }

    /** Whether the professional seeks the credit type {@code code}. */
    public boolean seeks(String code) {
        return creditTypes == null || creditTypes.isEmpty() || creditTypes.contains(code);
    }
}
