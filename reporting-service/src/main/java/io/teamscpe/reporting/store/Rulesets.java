package io.teamscpe.reporting.store;

import io.teamscpe.contracts.session.RulesetPublished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Stores ruleset versions, from cpe.sessions.v1 (rosters: platform {@code Rosters}), in its caller's transaction. */
@ApplicationScoped
public class Rulesets {
    private final EntityManager em;
    private final Json json;

    public Rulesets(EntityManager em, Json json) {
        this.em = em;
        this.json = json;
    }

    public void save(RulesetPublished e) {
        em.createNativeQuery("""
                        insert into ruleset_version (ruleset_id, version, firm_id, name, firm_default, rules)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb))
                        on conflict (ruleset_id, version) do update set name = excluded.name,
                            firm_default = excluded.firm_default, rules = excluded.rules""")
                .setParameter(1, e.rulesetId()).setParameter(2, e.version()).setParameter(3, e.firmId())
                .setParameter(4, e.name()).setParameter(5, e.firmDefault()).setParameter(6, json.write(e.rules()))
                .executeUpdate();
    }
}
