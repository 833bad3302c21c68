package io.teamscpe.platform.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.contracts.session.EnrollmentChunk;
import io.teamscpe.contracts.session.EnrollmentSnapshotCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A session's roster as consumers of cpe.sessions.v1 keep it: chunks are staged, and a complete snapshot of a
 * higher roster revision replaces the roster whole. Each consuming service owns the tables in its own schema
 * ({@code roster}, {@code roster_staging}, {@code roster_state}; DDL in its Flyway scripts).
 */
@ApplicationScoped
public class Rosters {
    private static final TypeReference<List<Enrollee>> ENROLLEES = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;

    public Rosters(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(EnrollmentChunk e) {
        em.createNativeQuery("""
                        insert into roster_staging (snapshot_id, session_id, sequence, enrollees)
                        values (?1, ?2, ?3, cast(?4 as jsonb)) on conflict do nothing""")
                .setParameter(1, e.snapshotId()).setParameter(2, e.sessionId()).setParameter(3, e.sequence())
                .setParameter(4, write(e.enrollees())).executeUpdate();
    }

    /** Applies a completed snapshot; false when it is not newer than the roster already held. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean on(EnrollmentSnapshotCompleted e) {
        List<?> current = em.createNativeQuery("select roster_revision from roster_state where session_id = ?1")
                .setParameter(1, e.sessionId()).getResultList();
        if (!current.isEmpty() && ((Number) current.get(0)).intValue() >= e.rosterRevision()) {
            return false;
        }
        @SuppressWarnings("unchecked")
        List<Object> chunks = em.createNativeQuery(
                        "select enrollees from roster_staging where snapshot_id = ?1 order by sequence")
                .setParameter(1, e.snapshotId()).getResultList();
        if (chunks.size() != e.chunkCount()) {
            throw new IllegalStateException("roster snapshot " + e.snapshotId() + " has " + chunks.size() + " of "
                    + e.chunkCount() + " chunks");
        }
        em.createNativeQuery("delete from roster where session_id = ?1").setParameter(1, e.sessionId())
                .executeUpdate();
        for (Object chunk : chunks) {
            for (Enrollee p : read(chunk)) {
                em.createNativeQuery("""
                                insert into roster (session_id, lms_id, email, alternate_emails, display_name)
                                values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                        .setParameter(1, e.sessionId()).setParameter(2, p.lmsId())
                        .setParameter(3, lower(p.email()))
                        .setParameter(4, p.alternateEmails() == null ? new String[0]
                                : p.alternateEmails().stream().map(Rosters::lower).toArray(String[]::new))
                        .setParameter(5, p.displayName()).executeUpdate();
            }
        }
        em.createNativeQuery("delete from roster_staging where snapshot_id = ?1").setParameter(1, e.snapshotId())
                .executeUpdate();
        em.createNativeQuery("""
                        insert into roster_state (session_id, roster_revision, snapshot_id, enrolled_count)
                        values (?1, ?2, ?3, ?4) on conflict (session_id) do update set
                            roster_revision = excluded.roster_revision, snapshot_id = excluded.snapshot_id,
                            enrolled_count = excluded.enrolled_count""")
                .setParameter(1, e.sessionId()).setParameter(2, e.rosterRevision()).setParameter(3, e.snapshotId())
                .setParameter(4, e.enrolledCount()).executeUpdate();
        return true;
    }

    /** The session's enrolled professionals (emails lower-cased), by LMS id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Enrollee> of(String sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select lms_id, email, alternate_emails, display_name from roster"
                + " where session_id = ?1 order by lms_id").setParameter(1, sessionId).getResultList();
        List<Enrollee> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new Enrollee((String) r[0], (String) r[1],
                    r[2] == null ? List.of() : Arrays.asList((String[]) r[2]), (String) r[3]));
        }
        return out;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Enrollee> read(Object column) {
        try {
            return json.readValue(column.toString(), ENROLLEES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a staged roster chunk does not parse", e);
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
