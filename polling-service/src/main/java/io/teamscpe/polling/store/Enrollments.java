package io.teamscpe.polling.store;

import io.teamscpe.platform.readmodel.Rosters;
import io.teamscpe.polling.reconcile.Person;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The enrolled professionals of a session (from session-service's roster events), for matching respondents by
 * email, alternate emails and name. The LMS's email doubles as the UPN candidate.
 */
@ApplicationScoped
public class Enrollments {
    private final Rosters rosters;

    public Enrollments(Rosters rosters) {
        this.rosters = rosters;
    }

    public List<Person> of(String sessionId) {
        return rosters.of(sessionId).stream()
                .map(e -> new Person(null, e.lmsId(), e.email(), e.email(), e.alternateEmails(), e.displayName()))
                .toList();
    }
}
