package io.teamscpe.contracts.session;

import java.util.List;

/**
 * A professional enrolled in a session, as the LMS knows them; attendance and poll responses are matched on
 * {@code email} and {@code alternateEmails} (all lower case).
 */
public record Enrollee(String lmsId, String email, List<String> alternateEmails, String displayName) {
}
