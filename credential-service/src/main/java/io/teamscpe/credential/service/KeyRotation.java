package io.teamscpe.credential.service;

import io.teamscpe.credential.crypto.SecretVault;
import io.teamscpe.credential.crypto.TamperedSecretException;
import io.teamscpe.credential.store.KeyRotationStore;
import io.teamscpe.credential.store.KeyRotationStore.SealedRow;
import io.teamscpe.credential.store.TokenCacheStore;
import io.teamscpe.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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

    private final KeyRotationStore store;
    private final SecretVault vault;

    public KeyRotation(KeyRotationStore store, SecretVault vault) {
        this.store = store;
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
        for (SealedRow<UUID> r : store.providerSecretsNotUnder(current)) {
            secrets += store.rewrapProviderSecret(r.key(), vault.rewrap(r.sealed(), r.key().toString()));
        }
        int caches = 0;
        for (SealedRow<UUID> r : store.tokenCachesNotUnder(current)) {
            caches += store.rewrapTokenCache(r.key(), vault.rewrap(r.sealed(), TokenCacheStore.context(r.key())));
        }
        int states = 0;
        for (SealedRow<String> r : store.signInStatesNotUnder(current)) {
            states += store.rewrapSignInState(r.key(), vault.rewrap(r.sealed(), OAuthStates.context(r.key())));
        }
        long remaining = store.countNotUnder(current);
        LOG.infof("key rotation to %s: %d secret(s), %d token cache(s), %d sign-in state(s) re-wrapped",
                current, secrets, caches, states);
        return new Result(current, secrets, caches, states, remaining);
    }
}
