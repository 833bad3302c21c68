package io.teamscpe.credential.service;

import io.teamscpe.credential.SealedSecret;
import io.teamscpe.credential.config.CredentialConfig;
import io.teamscpe.credential.crypto.SecretVault;
import io.teamscpe.platform.jdbc.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The {@code state} of organizer sign-ins: random, single use, expiring. Only its SHA-256 is stored (a database
 * reader cannot complete someone's sign-in), with the PKCE verifier sealed by the vault.
 */
@ApplicationScoped
public class OAuthStates {
    private final EntityManager em;
    private final SecretVault vault;
    private final CredentialConfig config;
    private final SecureRandom random = new SecureRandom();

    public OAuthStates(EntityManager em, SecretVault vault, CredentialConfig config) {
        this.em = em;
        this.vault = vault;
        this.config = config;
    }

    /** A new sign-in: the state and PKCE challenge go into the authorize URL, the verifier stays here. */
    public record Started(String state, String codeChallenge, Instant expiresAt) {
        @Override
        public String toString() {
            return "Started[expiresAt=" + expiresAt + "]";
        }
    }

    /** A state that was valid and is now used up. */
    public record Consumed(String firmId, UUID providerId, String verifier) {
        @Override
        public String toString() {
            return "Consumed[firmId=" + firmId + ", providerId=" + providerId + "]";
        }
    }

    /** Why a state was refused; the reason codes reach the LMS outcome page. */
    public static final class Refused extends RuntimeException {
        private final String reason;
        private final UUID providerId;

        Refused(String reason, UUID providerId) {
            super(reason, null, false, false);
            this.reason = reason;
            this.providerId = providerId;
        }

        public String reason() {
            return reason;
        }

        public UUID providerId() {
            return providerId;
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Started start(String firmId, UUID providerId) {
        String state = randomToken(32);
        String verifier = randomToken(48);
        String hash = sha256Hex(state);
        SealedSecret sealed = vault.seal(verifier, firmId, context(hash));
        Instant now = Instant.now();
        Instant expires = now.plus(config.consentStateTtl());
        em.createNativeQuery("delete from oauth_state where expires_at < ?1").setParameter(1, now.minusSeconds(86400))
                .executeUpdate();
        em.createNativeQuery("""
                        insert into oauth_state (state_hash, firm_id, provider_id, verifier_ciphertext, verifier_iv,
                            dek_wrapped, dek_iv, master_key_id, created_at, expires_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                .setParameter(1, hash).setParameter(2, firmId).setParameter(3, providerId)
                .setParameter(4, sealed.ciphertext()).setParameter(5, sealed.iv()).setParameter(6, sealed.wrappedKey())
                .setParameter(7, sealed.wrappedKeyIv()).setParameter(8, sealed.masterKeyId()).setParameter(9, now)
                .setParameter(10, expires).executeUpdate();
        return new Started(state, challenge(verifier), expires);
    }

    /**
     * Uses up a state: refused as {@code state-missing}, {@code state-unknown}, {@code state-replayed} or
     * {@code state-expired}. Marking it used is one conditional update, so two concurrent callbacks cannot both win.
     */
    @Transactional(dontRollbackOn = Refused.class)
    public Consumed consume(String state) {
        if (state == null || state.isBlank() || state.length() > 200) {
            throw new Refused(state == null || state.isBlank() ? "state-missing" : "state-unknown", null);
        }
        String hash = sha256Hex(state);
        List<?> rows = em.createNativeQuery("""
                        select firm_id, provider_id, verifier_ciphertext, verifier_iv, dek_wrapped, dek_iv,
                            master_key_id, expires_at, used_at
                        from oauth_state where state_hash = ?1""")
                .setParameter(1, hash).getResultList();
        if (rows.isEmpty()) {
            throw new Refused("state-unknown", null);
        }
        Object[] r = (Object[]) rows.get(0);
        UUID providerId = (UUID) r[1];
        if (r[8] != null) {
            throw new Refused("state-replayed", providerId);
        }
        int won = em.createNativeQuery("update oauth_state set used_at = ?1 where state_hash = ?2 and used_at is null")
                .setParameter(1, Instant.now()).setParameter(2, hash).executeUpdate();
        if (won == 0) {
            throw new Refused("state-replayed", providerId);
        }
        if (SqlTimes.instant(r[7]).isBefore(Instant.now())) {
            throw new Refused("state-expired", providerId);
        }
        String firmId = (String) r[0];
        SealedSecret sealed = new SealedSecret((byte[]) r[2], (byte[]) r[3], (byte[]) r[4], (byte[]) r[5],
                (String) r[6]);
        return new Consumed(firmId, providerId, vault.open(sealed, firmId, context(hash)));
    }

    /** The vault context of a PKCE verifier. */
    public static String context(String stateHash) {
        return "oauth-state:" + stateHash;
    }

    static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
    }

    private String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String sha256Hex(String s) {
        return HexFormat.of().formatHex(sha256(s));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
