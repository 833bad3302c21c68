package io.teamscpe.polling.service;

import io.teamscpe.polling.reconcile.Person;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The enrolled professionals of a session, for matching respondents by email, UPN, alternate emails and name.
 * Enrollments are not published yet (session-service will add them to cpe.sessions.v1); until a read model of them
 * exists this returns nobody, and respondents are matched against attendance participants and admin mappings only.
 */
@ApplicationScoped
public class Enrollments {
    public List<Person> of(String sessionId) {
        return List.of();
    }
}
