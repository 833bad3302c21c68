package io.teamscpe.credential.store;

import io.teamscpe.credential.ExpiryNoticeKind;
import io.teamscpe.credential.TokenIssueOutcome;
import io.teamscpe.credential.Provider;
import io.teamscpe.platform.jdbc.PagedQuery;
import io.teamscpe.platform.web.Page;
import io.teamscpe.platform.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Queries over providers beyond the entity's own lookups: the paged list, expiry dates, the daily notices, the token audit. */
@ApplicationScoped
public class ProviderStore {
    /** What each sortable field of the provider list sorts by (the list's own order: registration). */
    private static final Map<String, String> SORTS = Map.of("createdAt", "createdAt", "name", "lower(name)",
            "status", "status", "secretExpiresOn", "secretExpiresOn");
    private final EntityManager em;

    public ProviderStore(EntityManager em) {
        this.em = em;
    }

    /** One page of the firm's live providers. */
    public Page<Provider> page(String firmId, PageRequest page) {
        return PagedQuery.page(Provider.find("firmId = ?1 and deletedAt is null"
                + page.orderBy(SORTS, "createdAt", "id"), firmId), page);
    }

    /** Live providers whose secret expires on or before {@code until}. */
    public List<UUID> expiringBy(LocalDate until) {
        return em.createQuery("""
                        select p.id from Provider p where p.deletedAt is null and p.secretExpiresOn is not null
                        and p.secretExpiresOn <= ?1""", UUID.class)
                .setParameter(1, until).getResultList();
    }

    /** Live providers whose secret already expired ({@code secretExpiresOn < today}). */
    public long countExpired(LocalDate today) {
        return count("p.secretExpiresOn < ?1", today);
    }

    /** Live providers whose secret expires between {@code today} and {@code until}, both included. */
    public long countExpiring(LocalDate today, LocalDate until) {
        return count("p.secretExpiresOn >= ?1 and p.secretExpiresOn <= ?2", today, until);
    }

    /**
     * Claims today's expiry notice of a provider: false when another replica (or an earlier run) already did. The
     * primary key of {@code expiry_notice} is the guard.
     */
    public boolean claimExpiryNotice(UUID providerId, LocalDate day, ExpiryNoticeKind kind) {
        return em.createNativeQuery("""
                        insert into expiry_notice (provider_id, notice_date, kind, created_at) values (?1, ?2, ?3, ?4)
                        on conflict do nothing""")
                .setParameter(1, providerId).setParameter(2, day).setParameter(3, kind.name())
                .setParameter(4, Instant.now()).executeUpdate() > 0;
    }

    /** One row of the token audit: who asked for which provider's token for whom, and what became of it. */
    public void recordTokenIssue(Provider p, String organizerId, String requestedBy, TokenIssueOutcome outcome) {
        em.createNativeQuery("""
                        insert into token_issue (firm_id, provider_id, organizer_id, requested_by, issued_at, outcome)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, p.firmId).setParameter(2, p.id).setParameter(3, organizerId)
                .setParameter(4, requestedBy).setParameter(5, Instant.now()).setParameter(6, outcome.recorded())
                .executeUpdate();
    }

    private long count(String condition, Object... dates) {
        var query = em.createQuery("select count(p) from Provider p where p.deletedAt is null and "
                + condition, Long.class);
        for (int i = 0; i < dates.length; i++) {
            query.setParameter(i + 1, dates[i]);
        }
        return query.getSingleResult();
    }
}
