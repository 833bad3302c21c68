package io.teamscpe.polling.store;

import io.teamscpe.polling.reconcile.Mapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** respondent_mapping: the respondents an admin mapped to professionals, remembered per firm. */
@ApplicationScoped
public class RespondentMappings {
    private final EntityManager em;

    public RespondentMappings(EntityManager em) {
        this.em = em;
    }

    /** Inserts the firm's mapping of {@code mapping.respondentKey()}, or replaces the one it had. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(String firmId, Mapping mapping, String mappedBy, Instant mappedAt) {
        em.createNativeQuery("""
                        insert into respondent_mapping (firm_id, respondent_key, professional_id, professional_email,
                            participant_key, mapped_by, mapped_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (firm_id, respondent_key) do update set professional_id = excluded.professional_id,
                            professional_email = excluded.professional_email,
                            participant_key = excluded.participant_key, mapped_by = excluded.mapped_by,
                            mapped_at = excluded.mapped_at""")
                .setParameter(1, firmId).setParameter(2, mapping.respondentKey())
                .setParameter(3, mapping.professionalId()).setParameter(4, mapping.professionalEmail())
                .setParameter(5, mapping.participantKey()).setParameter(6, mappedBy).setParameter(7, mappedAt)
                .executeUpdate();
    }

    /** The firm's mappings by respondent key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Mapping> ofFirm(String firmId) {
        Map<String, Mapping> mappings = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select respondent_key, professional_id, professional_email, participant_key
                        from respondent_mapping where firm_id = ?1""")
                .setParameter(1, firmId).getResultList();
        for (Object[] m : rows) {
            mappings.put((String) m[0], new Mapping((String) m[0], (String) m[1], (String) m[2], (String) m[3]));
        }
        return mappings;
    }
}
