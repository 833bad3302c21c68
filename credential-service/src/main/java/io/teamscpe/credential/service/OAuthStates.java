package io.teamscpe.credential.service;

import io.teamscpe.credential.SealedSecret;
import io.teamscpe.credential.config.CredentialConfig;
import io.teamscpe.credential.crypto.SecretVault;
import io.teamscpe.credential.store.OAuthStateStore;
import io.teamscpe.credential.store.OAuthStateStore.StoredState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The {@code state} of organizer sign-ins: random, single use, expiring. Only its SHA-256 is stored (a database
 * reader cannot complete someone's sign-in), with the PKCE verifier sealed by the vault.
 */
@ApplicationScoped
public class OAuthStates {
    private final OAuthStateStore store;
    private final SecretVault vault;
    private final CredentialConfig config;
    private final SecureRandom random = new SecureRandom();

    public OAuthStates(OAuthStateStore store, SecretVault vault, CredentialConfig config) {
        this.store = store;
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
        store.deleteExpiredBefore(now.minusSeconds(86400));
        store.insert(hash, firmId, providerId, sealed, now, expires);
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
        StoredState r = store.find(hash).orElseThrow(() -> new Refused("state-unknown", null));
        UUID providerId = r.providerId();
        if (r.used()) {
            throw new Refused("state-replayed", providerId);
        }
        if (!store.markUsed(hash, Instant.now())) {
            throw new Refused("state-replayed", providerId);
        }
        if (r.expiresAt().isBefore(Instant.now())) {
            throw new Refused("state-expired", providerId);
        }
        String firmId = r.firmId();
        return new Consumed(firmId, providerId, vault.open(r.verifier(), firmId, context(hash)));
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
