package io.teamscpe.credential.service;

import io.teamscpe.credential.SealedSecret;
import io.teamscpe.credential.crypto.SecretVault;
import io.teamscpe.credential.crypto.TamperedSecretException;
import io.teamscpe.credential.identity.TokenCacheStore;
import io.teamscpe.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Master key rotation: re-wraps every data key (client secrets, token caches, pending sign-in verifiers) that is
 * not yet under the current master key. Secrets themselves are never decrypted. All or nothing: one transaction;
 * running it again is harmless. Afterwards the previous master keys can be removed from configuration.
 */
@ApplicationScoped
public class KeyRotation {
    private static final Logger LOG = Logger.getLogger(KeyRotation.class);

    private final EntityManager em;
    private final SecretVault vault;

    public KeyRotation(EntityManager em, SecretVault vault) {
        this.em = em;
        this.vault = vault;
    }

    /** What a rotation did; {@code remaining} is 0 when no row still needs a previous key. */
    public record Result(String currentKeyId, int secrets, int tokenCaches, int signInStates, long remaining) {
    }

    @Transactional
    public Result rotate() {
        try {
            return rewrapAll();
        } catch (TamperedSecretException e) {
            throw new ProblemException(409, "master-key-missing", "A stored secret needs an unknown key",
                    e.getMessage() + " Nothing was changed.");
        }
    }

    private Result rewrapAll() {
        String current = vault.currentKeyId();
        int secrets = 0;
        for (Object[] r : rows("select id, secret_ciphertext, secret_iv, dek_wrapped, dek_iv, master_key_id "
                + "from provider where master_key_id <> ?1 for update", current)) {
            UUID id = (UUID) r[0];
            SealedSecret moved = vault.rewrap(sealed(r), id.toString());
            secrets += update("update provider set dek_wrapped = ?1, dek_iv = ?2, master_key_id = ?3, "
                    + "version = version + 1 where id = ?4", moved, id);
        }
        int caches = 0;
        for (Object[] r : rows("select provider_id, ciphertext, iv, dek_wrapped, dek_iv, master_key_id "
                + "from provider_token_cache where master_key_id <> ?1 for update", current)) {
            UUID id = (UUID) r[0];
            SealedSecret moved = vault.rewrap(sealed(r), TokenCacheStore.context(id));
            caches += update("update provider_token_cache set dek_wrapped = ?1, dek_iv = ?2, master_key_id = ?3 "
                    + "where provider_id = ?4", moved, id);
        }
        int states = 0;
        for (Object[] r : rows("select state_hash, verifier_ciphertext, verifier_iv, dek_wrapped, dek_iv, "
                + "master_key_id from oauth_state where master_key_id <> ?1 for update", current)) {
            String hash = (String) r[0];
            SealedSecret moved = vault.rewrap(sealed(r), OAuthStates.context(hash));
            states += update("update oauth_state set dek_wrapped = ?1, dek_iv = ?2, master_key_id = ?3 "
                    + "where state_hash = ?4", moved, hash);
        }
        long remaining = count(current);
        LOG.infof("key rotation to %s: %d secret(s), %d token cache(s), %d sign-in state(s) re-wrapped",
                current, secrets, caches, states);
        return new Result(current, secrets, caches, states, remaining);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String current) {
        return em.createNativeQuery(sql).setParameter(1, current).getResultList();
    }

    private int update(String sql, SealedSecret moved, Object id) {
        return em.createNativeQuery(sql).setParameter(1, moved.wrappedKey()).setParameter(2, moved.wrappedKeyIv())
                .setParameter(3, moved.masterKeyId()).setParameter(4, id).executeUpdate();
    }

    private long count(String current) {
        return ((Number) em.createNativeQuery("""
                        select (select count(*) from provider where master_key_id <> ?1)
                             + (select count(*) from provider_token_cache where master_key_id <> ?1)
                             + (select count(*) from oauth_state where master_key_id <> ?1)""")
                .setParameter(1, current).getSingleResult()).longValue();
    }

    private static SealedSecret sealed(Object[] r) {
        return new SealedSecret((byte[]) r[1], (byte[]) r[2], (byte[]) r[3], (byte[]) r[4], (String) r[5]);
    }
}
