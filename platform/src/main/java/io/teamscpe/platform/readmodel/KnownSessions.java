package io.teamscpe.platform.readmodel;

import io.teamscpe.contracts.session.SessionCancelled;
import io.teamscpe.contracts.session.SessionDetails;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.platform.jdbc.SqlTimes;
import io.teamscpe.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The session read model every consumer of cpe.sessions.v1 keeps in its own schema (table {@code known_session},
 * Flyway location {@code db/readmodel/sessions}): the highest revision of each session wins, a cancellation sticks.
 */
@ApplicationScoped
public class KnownSessions {
    private static final String COLUMNS = "session_id, firm_id, title, provider_id, organizer_id, meeting_id, "
            + "scheduled_start, scheduled_end, time_zone, max_credits, fields_of_study, delivery_method, ruleset_id, "
            + "ruleset_version, revision, cancelled";

    private final EntityManager em;

    public KnownSessions(EntityManager em) {
        this.em = em;
    }

    /** Applies the event; false when a revision as high or higher is already held (nothing changed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean on(SessionScheduled event) {
        SessionDetails d = event.details();
        List<String> fields = d.fieldsOfStudy() == null ? List.of() : d.fieldsOfStudy();
        int written = em.createNativeQuery("insert into known_session (" + COLUMNS + """
                        ) values (?1, ?2, cast(?3 as varchar), cast(?4 as varchar), cast(?5 as varchar), cast(?6 as text), ?7, ?8,
                            ?9, cast(?10 as numeric), ?11, cast(?12 as varchar), cast(?13 as varchar),
                            cast(?14 as integer), ?15, false)
                        on conflict (session_id) do update set title = excluded.title,
                            provider_id = excluded.provider_id, organizer_id = excluded.organizer_id,
                            meeting_id = excluded.meeting_id, scheduled_start = excluded.scheduled_start,
                            scheduled_end = excluded.scheduled_end, time_zone = excluded.time_zone,
                            max_credits = excluded.max_credits, fields_of_study = excluded.fields_of_study,
                            delivery_method = excluded.delivery_method, ruleset_id = excluded.ruleset_id,
                            ruleset_version = excluded.ruleset_version, revision = excluded.revision
                        where known_session.revision < excluded.revision""")
                .setParameter(1, event.sessionId()).setParameter(2, event.firmId()).setParameter(3, d.title())
                .setParameter(4, d.providerId()).setParameter(5, d.organizerId()).setParameter(6, d.meetingId())
                .setParameter(7, d.scheduledStart()).setParameter(8, d.scheduledEnd())
                .setParameter(9, d.timeZone()).setParameter(10, d.maxCredits())
                .setParameter(11, fields.toArray(String[]::new)).setParameter(12, d.deliveryMethod())
                .setParameter(13, d.rulesetId()).setParameter(14, d.rulesetVersion())
                .setParameter(15, event.revision()).executeUpdate();
        return written == 1;
    }

    /** Marks the session cancelled; false when it is unknown here or already cancelled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean on(SessionCancelled event) {
        return em.createNativeQuery("update known_session set cancelled = true where session_id = ?1 and not cancelled")
                .setParameter(1, event.sessionId()).executeUpdate() == 1;
    }

    /** The session, if it is known here (a read: within the caller's transaction if there is one). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KnownSession> find(String sessionId) {
        return one(em.createNativeQuery("select " + COLUMNS + " from known_session where session_id = ?1")
                .setParameter(1, sessionId).getResultList());
    }

    /** The session, if it is known here and belongs to the firm (another firm's session is simply not found). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KnownSession> findInFirm(String firmId, String sessionId) {
        return one(em.createNativeQuery("select " + COLUMNS
                        + " from known_session where session_id = ?1 and firm_id = ?2")
                .setParameter(1, sessionId).setParameter(2, firmId).getResultList());
    }

    /**
     * The firm's session, or a 404 problem: unknown here, another firm's, or created seconds ago and not yet arrived
     * at {@code service} (the message says so).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public KnownSession require(String firmId, String sessionId, String service) {
        return findInFirm(firmId, sessionId).orElseThrow(() -> new ProblemException(404, "not-found",
                "Session not found", "No session " + sessionId + " is known to " + service + " in your firm. A "
                + "session created seconds ago may not have arrived yet: try again shortly."));
    }

    private static Optional<KnownSession> one(List<?> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new KnownSession((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], SqlTimes.instant(r[6]), SqlTimes.instant(r[7]), (String) r[8],
                (BigDecimal) r[9], r[10] == null ? List.of() : Arrays.asList((String[]) r[10]), (String) r[11],
                (String) r[12], r[13] == null ? null : ((Number) r[13]).intValue(), ((Number) r[14]).intValue(),
                (Boolean) r[15]));
    }
}
