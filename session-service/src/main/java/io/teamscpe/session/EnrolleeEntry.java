package io.teamscpe.session;

import io.teamscpe.contracts.session.Enrollee;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** A professional as the LMS sends them, before normalizing (trimmed ids, lower-case emails, no repeats). */
public record EnrolleeEntry(String lmsId, String email, List<String> alternateEmails, String displayName) {
    /** The enrollee as stored and published: emails lower case, the main email not repeated among the others. */
    public Enrollee normalized() {
        String main = lower(email);
        LinkedHashSet<String> alternates = new LinkedHashSet<>();
        if (alternateEmails != null) {
            alternateEmails.stream().map(EnrolleeEntry::lower).filter(a -> !a.equals(main)).forEach(alternates::add);
        }
        String name = displayName == null || displayName.isBlank() ? null : displayName.trim();
        return new Enrollee(lmsId.trim(), main, List.copyOf(alternates), name);
    }

    private static String lower(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
