package io.teamscpe.reporting.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.contracts.session.EnrollmentChunk;
import io.teamscpe.contracts.session.EnrollmentSnapshotCompleted;
import io.teamscpe.contracts.session.RulesetPublished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;

/** Rosters (complete snapshots only, highest revision wins) and ruleset versions, from cpe.sessions.v1. */
@ApplicationScoped
public class RosterModel {
    private static final TypeReference<List<Enrollee>> ENROLLEES = new TypeReference<>() {
    };

    private final EntityManager em;
    private final Json json;

    public RosterModel(EntityManager em, Json json) {
        this.em = em;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(RulesetPublished e) {
        em.createNativeQuery("""
                        insert into ruleset_version (ruleset_id, version, firm_id, name, firm_default, rules)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb))
                        on conflict (ruleset_id, version) do update set name = excluded.name,
                            firm_default = excluded.firm_default, rules = excluded.rules""")
                .setParameter(1, e.rulesetId()).setParameter(2, e.version()).setParameter(3, e.firmId())
                .setParameter(4, e.name()).setParameter(5, e.firmDefault()).setParameter(6, json.write(e.rules()))
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(EnrollmentChunk e) {
        em.createNativeQuery("""
                        insert into roster_staging (snapshot_id, session_id, sequence, enrollees)
                        values (?1, ?2, ?3, cast(?4 as jsonb)) on conflict do nothing""")
                .setParameter(1, e.snapshotId()).setParameter(2, e.sessionId()).setParameter(3, e.sequence())
                .setParameter(4, json.write(e.enrollees())).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(EnrollmentSnapshotCompleted e) {
        List<?> current = em.createNativeQuery("select roster_revision from roster_state where session_id = ?1")
                .setParameter(1, e.sessionId()).getResultList();
        if (!current.isEmpty() && ((Number) current.get(0)).intValue() >= e.rosterRevision()) {
            return;
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
            for (Enrollee p : json.read(chunk, ENROLLEES)) {
                em.createNativeQuery("""
                                insert into roster (session_id, lms_id, email, alternate_emails, display_name)
                                values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                        .setParameter(1, e.sessionId()).setParameter(2, p.lmsId())
                        .setParameter(3, lower(p.email()))
                        .setParameter(4, p.alternateEmails() == null ? new String[0]
                                : p.alternateEmails().stream().map(RosterModel::lower).toArray(String[]::new))
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
    }

    private static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
