package io.teamscpe.credential.store;

import io.teamscpe.credential.SealedSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * The sealed rows a master key rotation re-wraps (provider secrets, token caches, sign-in states), locked for
 * update, and the re-wrapped data keys written back.
 */
@ApplicationScoped
public class KeyRotationStore {
    private final EntityManager em;

    public KeyRotationStore(EntityManager em) {
        this.em = em;
    }

    /** A sealed value and the key of its row. */
    public record SealedRow<K>(K key, SealedSecret sealed) {
    }

    public List<SealedRow<UUID>> providerSecretsNotUnder(String keyId) {
        return rows("select id, secret_ciphertext, secret_iv, dek_wrapped, dek_iv, master_key_id "
                + "from provider where master_key_id <> ?1 for update", keyId, UUID.class);
    }

    public List<SealedRow<UUID>> tokenCachesNotUnder(String keyId) {
        return rows("select provider_id, ciphertext, iv, dek_wrapped, dek_iv, master_key_id "
                + "from provider_token_cache where master_key_id <> ?1 for update", keyId, UUID.class);
    }

    public List<SealedRow<String>> signInStatesNotUnder(String keyId) {
        return rows("select state_hash, verifier_ciphertext, verifier_iv, dek_wrapped, dek_iv, "
                + "master_key_id from oauth_state where master_key_id <> ?1 for update", keyId, String.class);
    }

    public int rewrapProviderSecret(UUID id, SealedSecret moved) {
        return update("update provider set dek_wrapped = ?1, dek_iv = ?2, master_key_id = ?3, "
                + "version = version + 1 where id = ?4", moved, id);
    }

    public int rewrapTokenCache(UUID providerId, SealedSecret moved) {
        return update("update provider_token_cache set dek_wrapped = ?1, dek_iv = ?2, master_key_id = ?3 "
                + "where provider_id = ?4", moved, providerId);
    }

    public int rewrapSignInState(String stateHash, SealedSecret moved) {
        return update("update oauth_state set dek_wrapped = ?1, dek_iv = ?2, master_key_id = ?3 "
                + "where state_hash = ?4", moved, stateHash);
    }

    /** Rows of all three tables still under another master key. */
    public long countNotUnder(String keyId) {
        return ((Number) em.createNativeQuery("""
                        select (select count(*) from provider where master_key_id <> ?1)
                             + (select count(*) from provider_token_cache where master_key_id <> ?1)
                             + (select count(*) from oauth_state where master_key_id <> ?1)""")
                .setParameter(1, keyId).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private <K> List<SealedRow<K>> rows(String sql, String keyId, Class<K> keyType) {
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, keyId).getResultList();
        return rows.stream().map(r -> new SealedRow<>(keyType.cast(r[0]), SealedRows.sealed(r, 1))).toList();
    }

    private int update(String sql, SealedSecret moved, Object id) {
        return em.createNativeQuery(sql).setParameter(1, moved.wrappedKey()).setParameter(2, moved.wrappedKeyIv())
                .setParameter(3, moved.masterKeyId()).setParameter(4, id).executeUpdate();
    }
}
