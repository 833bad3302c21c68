package io.teamscpe.session.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Locale;
import java.util.UUID;

/** Enrollment queries beyond the entity's own: flushing between steps, who may launch. */
@ApplicationScoped
public class EnrollmentStore {
    private final EntityManager em;

    public EnrollmentStore(EntityManager em) {
        this.em = em;
    }

    /** Writes pending changes now (deletes before inserts: an email may move from one enrollment to another). */
    public void flush() {
        em.flush();
    }

    /** Whether the email (or one of the alternate emails) is enrolled in the session. */
    public boolean isEnrolled(UUID sessionId, String email) {
        Number n = (Number) em.createNativeQuery("select count(*) from enrollment where session_id = ?1 "
                        + "and (email = ?2 or ?2 = any(alternate_emails))")
                .setParameter(1, sessionId).setParameter(2, email.trim().toLowerCase(Locale.ROOT)).getSingleResult();
        return n.longValue() > 0;
    }
}
