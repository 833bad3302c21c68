package io.teamscpe.reporting.store;

import io.teamscpe.reporting.report.AttendanceMapping;
import io.teamscpe.reporting.report.MappingMethod;
import io.teamscpe.reporting.report.RememberedMappings.Remembered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Attendance mappings: a session's ({@code attendance_mapping}, in force or undone), the firm's memory of identities
 * ({@code attendance_identity}) and the append-only trail of every change ({@code attendance_mapping_event}). Runs in
 * its caller's transaction; the caller marks the session's report inputs changed.
 */
@ApplicationScoped
public class AttendanceMappings {
    /** What the trail records. */
    public enum Action { MAPPED, REMEMBERED, UNDONE }

    /** What a change did to the firm's memory of the identity (null: nothing). */
    public enum FirmMemory { REMEMBERED, FORGOTTEN }

    /** One row of the trail, before it is written. */
    public record Change(String sessionId, String firmId, String participantKey, String displayName, String email,
                         String identityKey, String lmsId, Action action, String actor, Instant at,
                         FirmMemory firmMemory) {
    }

    private final EntityManager em;

    public AttendanceMappings(EntityManager em) {
        this.em = em;
    }

    /**
     * Serializes changes to one session's mappings until the transaction ends: an administrator's, and the firm's
     * memory applied by each event of the session (its record, roster and attendance arrive on two topics at once).
     * A transaction that waited here sees what the other committed, so whichever comes second sees both. A
     * transaction-scoped advisory lock: it needs no row, so it holds before the session's record has arrived.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String sessionId) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext('attendance-mapping:' || ?1))) l")
                .setParameter(1, sessionId).getResultList();
    }

    /** The participant's mapping in force in the session, if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AttendanceMapping> inForce(String sessionId, String participantKey) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select participant_key, identity_key, lms_id, method, mapped_by, mapped_at
                        from attendance_mapping where session_id = ?1 and participant_key = ?2 and undone_at is null""")
                .setParameter(1, sessionId).setParameter(2, participantKey).getResultList();
        return rows.stream().findFirst().map(r -> new AttendanceMapping((String) r[0], (String) r[1], (String) r[2],
                MappingMethod.valueOf((String) r[3]), (String) r[4], SessionFacts.instant(r[5])));
    }

    /** Participants of the session with a row, in force or undone: the firm's memory is never applied to them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> decided(String sessionId) {
        @SuppressWarnings("unchecked")
        List<String> keys = em.createNativeQuery("select participant_key from attendance_mapping where session_id = ?1")
                .setParameter(1, sessionId).getResultList();
        return new HashSet<>(keys);
    }

    /**
     * Maps the participant, replacing an undone row or one whose professional left the roster. The caller holds the
     * session's {@link #lock} and has checked that the professional has no other mapping in force.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(String sessionId, String firmId, AttendanceMapping m) {
        em.createNativeQuery("""
                        insert into attendance_mapping (session_id, participant_key, firm_id, identity_key, lms_id,
                            method, mapped_by, mapped_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        on conflict (session_id, participant_key) do update set identity_key = excluded.identity_key,
                            lms_id = excluded.lms_id, method = excluded.method, mapped_by = excluded.mapped_by,
                            mapped_at = excluded.mapped_at, undone_by = null, undone_at = null""")
                .setParameter(1, sessionId).setParameter(2, m.participantKey()).setParameter(3, firmId)
                .setParameter(4, m.identityKey()).setParameter(5, m.lmsId()).setParameter(6, m.method().name())
                .setParameter(7, m.mappedBy()).setParameter(8, m.mappedAt()).executeUpdate();
    }

    /**
     * A mapping from the firm's memory, unless the participant already has a row (in force or undone) or the
     * professional a mapping in force: applying the memory again (a snapshot or roster sent twice) changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean saveRemembered(String sessionId, String firmId, AttendanceMapping m) {
        return em.createNativeQuery("""
                        insert into attendance_mapping (session_id, participant_key, firm_id, identity_key, lms_id,
                            method, mapped_by, mapped_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        on conflict do nothing""")
                .setParameter(1, sessionId).setParameter(2, m.participantKey()).setParameter(3, firmId)
                .setParameter(4, m.identityKey()).setParameter(5, m.lmsId()).setParameter(6, m.method().name())
                .setParameter(7, m.mappedBy()).setParameter(8, m.mappedAt()).executeUpdate() == 1;
    }

    /** Undoes the participant's mapping in force; the row stays, so the firm's memory is not applied to it again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void undo(String sessionId, String participantKey, String by, Instant at) {
        em.createNativeQuery("""
                        update attendance_mapping set undone_by = ?3, undone_at = ?4
                        where session_id = ?1 and participant_key = ?2 and undone_at is null""")
                .setParameter(1, sessionId).setParameter(2, participantKey).setParameter(3, by).setParameter(4, at)
                .executeUpdate();
    }

    /** The firm remembers the identity as the professional (the latest mapping of an identity wins). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String firmId, String identityKey, Remembered r) {
        em.createNativeQuery("""
                        insert into attendance_identity (firm_id, identity_key, lms_id, mapped_by, mapped_at,
                            session_id) values (?1, ?2, ?3, ?4, ?5, ?6)
                        on conflict (firm_id, identity_key) do update set lms_id = excluded.lms_id,
                            mapped_by = excluded.mapped_by, mapped_at = excluded.mapped_at,
                            session_id = excluded.session_id""")
                .setParameter(1, firmId).setParameter(2, identityKey).setParameter(3, r.lmsId())
                .setParameter(4, r.mappedBy()).setParameter(5, r.mappedAt()).setParameter(6, r.sessionId())
                .executeUpdate();
    }

    /** Forgets the identity if the firm still remembers it as this professional from this session. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean forget(String firmId, String identityKey, String lmsId, String sessionId) {
        return em.createNativeQuery("""
                        delete from attendance_identity
                        where firm_id = ?1 and identity_key = ?2 and lms_id = ?3 and session_id = ?4""")
                .setParameter(1, firmId).setParameter(2, identityKey).setParameter(3, lmsId)
                .setParameter(4, sessionId).executeUpdate() > 0;
    }

    /** Everything the firm remembers, by identity key (a firm maps a handful of guests, not thousands). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Remembered> memory(String firmId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select identity_key, lms_id, mapped_by, mapped_at, session_id from attendance_identity
                        where firm_id = ?1""")
                .setParameter(1, firmId).getResultList();
        Map<String, Remembered> out = new HashMap<>();
        for (Object[] r : rows) {
            out.put((String) r[0], new Remembered((String) r[1], (String) r[2], SessionFacts.instant(r[3]),
                    (String) r[4]));
        }
        return out;
    }

    /** Appends a row to the trail. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Change c) {
        em.createNativeQuery("""
                        insert into attendance_mapping_event (session_id, firm_id, participant_key, display_name,
                            email, identity_key, lms_id, action, actor, at, firm_memory)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""")
                .setParameter(1, c.sessionId()).setParameter(2, c.firmId()).setParameter(3, c.participantKey())
                .setParameter(4, c.displayName()).setParameter(5, c.email()).setParameter(6, c.identityKey())
                .setParameter(7, c.lmsId()).setParameter(8, c.action().name()).setParameter(9, c.actor())
                .setParameter(10, c.at()).setParameter(11, c.firmMemory() == null ? null : c.firmMemory().name())
                .executeUpdate();
    }
}
