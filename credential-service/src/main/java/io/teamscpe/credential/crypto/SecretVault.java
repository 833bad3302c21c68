package io.teamscpe.credential.crypto;

import io.teamscpe.credential.SealedSecret;
import io.teamscpe.credential.config.CredentialConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of provider secrets: AES-256-GCM under a fresh data key per secret, with the firm and provider
 * ids as associated data (a ciphertext moved to another row does not decrypt); the data key is wrapped by the master
 * key from configuration. A tampered ciphertext throws {@link TamperedSecretException}.
 * <p>
 * Key rotation: secrets open under any configured master key (current or previous, chosen by the key id recorded
 * with the secret) and are always sealed under the current one; {@link #rewrap} moves a data key to the current
 * master key without touching the secret's ciphertext.
 */
@ApplicationScoped
public class SecretVault {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey masterKey;
    private final String masterKeyId;
    private final Map<String, SecretKey> keysById = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public SecretVault(CredentialConfig config) {
        byte[] key = decode(config.masterKey(), "teamscpe.credentials.master-key");
        this.masterKey = new SecretKeySpec(key, "AES");
        this.masterKeyId = fingerprint(key);
        keysById.put(masterKeyId, masterKey);
        for (String previous : config.previousMasterKeys().orElse(List.of())) {
            byte[] old = decode(previous, "teamscpe.credentials.previous-master-keys");
            keysById.putIfAbsent(fingerprint(old), new SecretKeySpec(old, "AES"));
        }
    }

    /** The id of the master key new secrets are sealed under. */
    public String currentKeyId() {
        return masterKeyId;
    }

    /** Ids of every master key secrets may be opened with (current first). */
    public Set<String> knownKeyIds() {
        return keysById.keySet();
    }

    public SealedSecret seal(String plaintext, String firmId, String providerId) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            SecretKey dataKey = generator.generateKey();
            byte[] iv = randomIv();
            byte[] ciphertext = gcm(Cipher.ENCRYPT_MODE, dataKey, iv, aad(firmId, providerId))
                    .doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] keyIv = randomIv();
            byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, masterKey, keyIv, aad("dek", providerId))
                    .doFinal(dataKey.getEncoded());
            return new SealedSecret(ciphertext, iv, wrapped, keyIv, masterKeyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a secret", e);
        }
    }

    public String open(SealedSecret sealed, String firmId, String providerId) {
        try {
            byte[] dataKey = unwrap(sealed, providerId);
            byte[] plain = gcm(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"), sealed.iv(),
                    aad(firmId, providerId)).doFinal(sealed.ciphertext());
            return new String(plain, StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new TamperedSecretException("the stored secret of provider " + providerId
                    + " failed its integrity check: it was altered or belongs to another provider");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a secret", e);
        }
    }

    /**
     * The same secret with its data key wrapped under the current master key (a fresh IV); the ciphertext is
     * unchanged, so nothing is ever decrypted beyond the data key.
     */
    public SealedSecret rewrap(SealedSecret sealed, String providerId) {
        try {
            byte[] dataKey = unwrap(sealed, providerId);
            byte[] keyIv = randomIv();
            byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, masterKey, keyIv, aad("dek", providerId)).doFinal(dataKey);
            return new SealedSecret(sealed.ciphertext(), sealed.iv(), wrapped, keyIv, masterKeyId);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new TamperedSecretException("the data key of provider " + providerId
                    + " failed its integrity check: it was altered or belongs to another provider");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot re-wrap a data key", e);
        }
    }

    private byte[] unwrap(SealedSecret sealed, String providerId) throws GeneralSecurityException {
        SecretKey key = keysById.get(sealed.masterKeyId());
        if (key == null) {
            throw new TamperedSecretException("the secret of provider " + providerId + " is sealed under master key "
                    + sealed.masterKeyId() + ", which is not configured; add it to "
                    + "teamscpe.credentials.previous-master-keys and rotate keys before removing it");
        }
        return gcm(Cipher.DECRYPT_MODE, key, sealed.wrappedKeyIv(), aad("dek", providerId))
                .doFinal(sealed.wrappedKey());
    }

    private static byte[] decode(String base64, String property) {
        byte[] key = Base64.getDecoder().decode(base64.trim());
        if (key.length != 32) {
            throw new IllegalStateException(property + " must be 32 bytes, base64-encoded");
        }
        return key;
    }

    private Cipher gcm(int mode, SecretKey key, byte[] iv, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(aad);
        return cipher;
    }

    private byte[] randomIv() {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        return iv;
    }

    private static byte[] aad(String a, String b) {
        return (a + "|" + b).getBytes(StandardCharsets.UTF_8);
    }

    /** A non-secret id of the master key (first bytes of its SHA-256), recorded with each wrapped data key. */
    static String fingerprint(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return "mk-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
