package io.teamscpe.session.service;

import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.session.Enrollment;
import io.teamscpe.session.Session;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The credit types enrollments seek, checked against the session's: a code is the session's (matched ignoring case,
 * stored as the session spells it) or it is refused, unless the professional's enrollment already names it. That
 * keeps an enrollment valid after an edit of the session removed a type it names: the LMS may send it again
 * unchanged (reporting ignores codes the session no longer has).
 */
@ApplicationScoped
public class EnrolleeCreditTypes {

    /**
     * The enrollees with their codes spelled as the session's; 400 {@code unknown-credit-type} naming every code
     * that is not. {@code roster}: the enrollees are a whole roster (fields {@code enrollees[i].creditTypes}), else
     * one enrollment ({@code creditTypes}).
     */
    public List<Enrollee> spelledAsSession(Session s, List<Enrollee> enrollees, boolean roster) {
        Map<String, String> codes = new HashMap<>();
        s.creditTypes.forEach(t -> codes.put(t.code.toLowerCase(Locale.ROOT), t.code));
        Map<String, List<String>> had = new HashMap<>();
        if (enrollees.stream().anyMatch(e -> e.creditTypes() != null)) {
            Enrollment.ofSession(s.id).stream().filter(e -> e.creditTypes != null)
                    .forEach(e -> had.put(e.lmsId, e.creditTypes));
        }
        List<Map<String, String>> errors = new ArrayList<>();
        List<String> named = new ArrayList<>();
        List<Enrollee> out = new ArrayList<>();
        for (int i = 0; i < enrollees.size(); i++) {
            Enrollee e = enrollees.get(i);
            if (e.creditTypes() == null) {
                out.add(e);
                continue;
            }
            List<String> spelled = new ArrayList<>();
            for (String code : e.creditTypes()) {
                String known = codes.get(code.toLowerCase(Locale.ROOT));
                if (known != null) {
                    spelled.add(known);
                } else if (had.getOrDefault(e.lmsId(), List.of()).contains(code)) {
                    spelled.add(code);
                } else {
                    String field = roster ? "enrollees[" + i + "].creditTypes" : "creditTypes";
                    errors.add(Map.of("field", field, "message", "'" + code + "' is not a credit type of the "
                            + "session"));
                    named.add((roster ? "enrollment " + i + " (" + e.lmsId() + ")" : "enrollment " + e.lmsId())
                            + " names " + code);
                }
            }
            out.add(new Enrollee(e.lmsId(), e.email(), e.alternateEmails(), e.displayName(),
                    List.copyOf(spelled.stream().distinct().toList())));
        }
        if (!errors.isEmpty()) {
            List<String> sessionCodes = s.creditTypes.stream().map(t -> t.code).toList();
            throw ProblemException.badRequest("unknown-credit-type", "Unknown credit type", "Session '" + s.title
                    + "' has credit types " + String.join(", ", sessionCodes) + "; " + String.join("; ", named)
                    + ". Name the session's codes, or leave creditTypes out to seek all of them; nothing was "
                    + "changed.").with("errors", errors).with("creditTypes", sessionCodes);
        }
        return out;
    }
}
