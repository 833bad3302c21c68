package io.teamscpe.credential.store;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamscpe.credential.SealedSecret;
import io.teamscpe.credential.crypto.SecretVault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * msal4j's serialized token cache of a delegated provider (it holds the organizer's refresh token), sealed by
 * {@link SecretVault} with the firm and provider as associated data, so a cache copied to another row does not open.
 * Each read and write runs in its own transaction: msal calls back from its own threads, outside any use case.
 */
@ApplicationScoped
public class TokenCacheStore {
    private final EntityManager em;
    private final SecretVault vault;

    public TokenCacheStore(EntityManager em, SecretVault vault) {
        this.em = em;
        this.vault = vault;
    }

    /** The vault context of a token cache: never the same as the provider's client secret. */
    public static String context(UUID providerId) {
        return providerId + "#token-cache";
    }

    public Optional<String> load(String firmId, UUID providerId) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select ciphertext, iv, dek_wrapped, dek_iv, master_key_id from provider_token_cache
                        where provider_id = ?1 and firm_id = ?2""")
                .setParameter(1, providerId).setParameter(2, firmId).getResultList());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        SealedSecret sealed = SealedRows.sealed((Object[]) rows.get(0), 0);
        return Optional.of(vault.open(sealed, firmId, context(providerId)));
    }

    public void save(String firmId, UUID providerId, String serializedCache) {
        SealedSecret sealed = vault.seal(serializedCache, firmId, context(providerId));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into provider_token_cache
                            (provider_id, firm_id, ciphertext, iv, dek_wrapped, dek_iv, master_key_id, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        on conflict (provider_id) do update set ciphertext = excluded.ciphertext, iv = excluded.iv,
                            dek_wrapped = excluded.dek_wrapped, dek_iv = excluded.dek_iv,
                            master_key_id = excluded.master_key_id, updated_at = excluded.updated_at""")
                .setParameter(1, providerId).setParameter(2, firmId).setParameter(3, sealed.ciphertext())
                .setParameter(4, sealed.iv()).setParameter(5, sealed.wrappedKey()).setParameter(6, sealed.wrappedKeyIv())
                .setParameter(7, sealed.masterKeyId()).setParameter(8, Instant.now())
                .executeUpdate());
    }

    /** Drops the cache in the caller's transaction (deletion, or a sign-in that must start over). */
    public void deleteInCurrentTransaction(UUID providerId) {
        em.createNativeQuery("delete from provider_token_cache where provider_id = ?1")
                .setParameter(1, providerId).executeUpdate();
    }
}
