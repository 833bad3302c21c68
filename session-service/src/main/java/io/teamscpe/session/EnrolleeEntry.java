package io.teamscpe.session;

import io.teamscpe.contracts.session.Enrollee;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A professional as the LMS sends them, before normalizing (trimmed ids, lower-case emails, no repeats).
 *
 * @param creditTypes codes of the session's credit types the professional seeks; null or empty: all of them
 */
public record EnrolleeEntry(String lmsId, String email, List<String> alternateEmails, String displayName,
                            List<String> creditTypes) {
    /**
     * The enrollee as stored and published: emails lower case, the main email not repeated among the others; credit
     * type codes trimmed, each once (ignoring case), none meaning all (null).
     */
    public Enrollee normalized() {
        String main = lower(email);
        LinkedHashSet<String> alternates = new LinkedHashSet<>();
        if (alternateEmails != null) {
            alternateEmails.stream().map(EnrolleeEntry::lower).filter(a -> !a.equals(main)).forEach(alternates::add);
        }
        String name = displayName == null || displayName.isBlank() ? null : displayName.trim();
        return new Enrollee(lmsId.trim(), main, List.copyOf(alternates), name, codes(creditTypes));
    }

    private static List<String> codes(List<String> sent) {
        if (sent == null) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        sent.stream().filter(Objects::nonNull).map(String::trim).filter(c -> seen.add(c.toLowerCase(Locale.ROOT))).forEach(codes::add);
        return codes.isEmpty() ? null : List.copyOf(codes);
    }

    private static String lower(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
