package io.teamscpe.credential.store;

import io.teamscpe.credential.SealedSecret;
import io.teamscpe.platform.jdbc.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code oauth_state} table: pending organizer sign-ins, by the SHA-256 of their state, with sealed verifiers. */
@ApplicationScoped
public class OAuthStateStore {
    private final EntityManager em;

    public OAuthStateStore(EntityManager em) {
        this.em = em;
    }

    /** A stored state: whose it is, its sealed PKCE verifier, until when it works and whether it was used. */
    public record StoredState(String firmId, UUID providerId, SealedSecret verifier, Instant expiresAt, boolean used) {
    }

    public void deleteExpiredBefore(Instant before) {
        em.createNativeQuery("delete from oauth_state where expires_at < ?1").setParameter(1, before)
                .executeUpdate();
    }

    public void insert(String stateHash, String firmId, UUID providerId, SealedSecret sealed, Instant createdAt,
                       Instant expiresAt) {
        em.createNativeQuery("""
                        insert into oauth_state (state_hash, firm_id, provider_id, verifier_ciphertext, verifier_iv,
                            dek_wrapped, dek_iv, master_key_id, created_at, expires_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                .setParameter(1, stateHash).setParameter(2, firmId).setParameter(3, providerId)
                .setParameter(4, sealed.ciphertext()).setParameter(5, sealed.iv()).setParameter(6, sealed.wrappedKey())
                .setParameter(7, sealed.wrappedKeyIv()).setParameter(8, sealed.masterKeyId())
                .setParameter(9, createdAt).setParameter(10, expiresAt).executeUpdate();
    }

    public Optional<StoredState> find(String stateHash) {
        List<?> rows = em.createNativeQuery("""
                        select firm_id, provider_id, verifier_ciphertext, verifier_iv, dek_wrapped, dek_iv,
                            master_key_id, expires_at, used_at
                        from oauth_state where state_hash = ?1""")
                .setParameter(1, stateHash).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new StoredState((String) r[0], (UUID) r[1], SealedRows.sealed(r, 2),
                SqlTimes.instant(r[7]), r[8] != null));
    }

    /** One conditional update: true for exactly one of concurrent callers. */
    public boolean markUsed(String stateHash, Instant at) {
        return em.createNativeQuery("update oauth_state set used_at = ?1 where state_hash = ?2 and used_at is null")
                .setParameter(1, at).setParameter(2, stateHash).executeUpdate() > 0;
    }

    public void deleteOfProvider(UUID providerId) {
        em.createNativeQuery("delete from oauth_state where provider_id = ?1").setParameter(1, providerId)
                .executeUpdate();
    }
}
