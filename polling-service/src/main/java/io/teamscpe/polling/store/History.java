package io.teamscpe.polling.store;

import io.teamscpe.platform.jdbc.SqlTimes;
import io.teamscpe.polling.HistoryAction;
import io.teamscpe.polling.HistoryEntry;
import io.teamscpe.polling.Poll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The audit trail of each poll: uploads, replacements, exclusions, new matches. */
@ApplicationScoped
public class History {
    private final EntityManager em;

    public History(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Poll poll, HistoryAction action, String detail, String actor) {
        em.flush();
        em.createNativeQuery("""
                        insert into poll_history (poll_id, revision, action, detail, actor, at)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, poll.id).setParameter(2, poll.revision).setParameter(3, action.name())
                .setParameter(4, detail).setParameter(5, actor).setParameter(6, Instant.now())
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<HistoryEntry> of(UUID pollId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select revision, action, detail, actor, at from poll_history where poll_id = ?1 order by id""")
                .setParameter(1, pollId).getResultList();
        return rows.stream().map(r -> new HistoryEntry(((Number) r[0]).intValue(), HistoryAction.valueOf((String) r[1]), (String) r[2],
                (String) r[3], SqlTimes.instant(r[4]))).toList();
    }
}
