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
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of provider secrets: AES-256-GCM under a fresh data key per secret, with the firm and provider
 * ids as associated data (a ciphertext moved to another row does not decrypt); the data key is wrapped by the master
 * key from configuration. A tampered ciphertext throws {@link TamperedSecretException}.
 */
@ApplicationScoped
public class SecretVault {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey masterKey;
    private final String masterKeyId;
    private final SecureRandom random = new SecureRandom();

    public SecretVault(CredentialConfig config) {
        byte[] key = Base64.getDecoder().decode(config.masterKey().trim());
        if (key.length != 32) {
            throw new IllegalStateException("teamscpe.credentials.master-key must be 32 bytes, base64-encoded");
        }
        this.masterKey = new SecretKeySpec(key, "AES");
        this.masterKeyId = fingerprint(key);
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
        if (!masterKeyId.equals(sealed.masterKeyId())) {
            throw new TamperedSecretException("the secret of provider " + providerId + " is sealed under master key "
                    + sealed.masterKeyId() + ", not the configured one; rotate keys before switching");
        }
        try {
            byte[] dataKey = gcm(Cipher.DECRYPT_MODE, masterKey, sealed.wrappedKeyIv(), aad("dek", providerId))
                    .doFinal(sealed.wrappedKey());
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
