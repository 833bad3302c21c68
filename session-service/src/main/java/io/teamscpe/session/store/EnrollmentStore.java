package io.teamscpe.session.store;

import io.teamscpe.platform.jdbc.PagedQuery;
import io.teamscpe.platform.web.Page;
import io.teamscpe.platform.web.PageRequest;
import io.teamscpe.session.Enrollment;
import io.teamscpe.session.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Enrollment queries beyond the entity's own: flushing between steps, who may launch, paging. */
@ApplicationScoped
public class EnrollmentStore {
    /** What each sortable field of the roster list sorts by (the roster's own order: lmsId). */
    private static final Map<String, String> SORTS = Map.of("lmsId", "lmsId", "email", "email",
            "displayName", "lower(displayName)", "enrolledAt", "enrolledAt");
    private final EntityManager em;

    public EnrollmentStore(EntityManager em) {
        this.em = em;
    }

    /** Writes pending changes now (deletes before inserts: an email may move from one enrollment to another). */
    public void flush() {
        em.flush();
    }

    /** One page of the session's roster. */
    public Page<Enrollment> page(UUID sessionId, PageRequest page) {
        return PagedQuery.page(Enrollment.find("sessionId = ?1" + page.orderBy(SORTS, "lmsId", "id"), sessionId),
                page);
    }

    /** Whether the email (or one of the alternate emails) is enrolled in the session. */
    public boolean isEnrolled(UUID sessionId, String email) {
        Number n = (Number) em.createNativeQuery("select count(*) from enrollment where session_id = ?1 "
                        + "and (email = ?2 or ?2 = any(alternate_emails))")
                .setParameter(1, sessionId).setParameter(2, email.trim().toLowerCase(Locale.ROOT)).getSingleResult();
        return n.longValue() > 0;
    }
}
